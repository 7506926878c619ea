package io.walletdesk.ticket;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Tickets extends JpaRepository<Ticket, UUID> {

	List<Ticket> findByRequesterId(UUID requesterId);

}
