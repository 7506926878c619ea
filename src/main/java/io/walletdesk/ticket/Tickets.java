package io.walletdesk.ticket;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Tickets extends JpaRepository<Ticket, UUID> {

	List<Ticket> findByRequesterId(UUID requesterId);

	/**
	 * Loads a ticket to change it, holding its row until the transaction ends: intake,
	 * agents and triage change the same tickets concurrently, and without the lock one of
	 * them would fail on the version check.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Ticket t where t.id = :id")
	Optional<Ticket> findForUpdate(UUID id);

}
