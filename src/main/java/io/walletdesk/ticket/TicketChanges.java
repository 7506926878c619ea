package io.walletdesk.ticket;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketChanges extends JpaRepository<TicketChange, UUID> {

	@Query("select c from TicketChange c where c.ticketId = :ticketId order by c.changedAt, c.id")
	List<TicketChange> findByTicket(UUID ticketId);

}
