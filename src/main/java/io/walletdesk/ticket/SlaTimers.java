package io.walletdesk.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The service-level timers of a ticket, as the ticket API and console show them. The
 * module that keeps the timers implements it, so the ticket module needs no knowledge of
 * policies or calendars.
 */
public interface SlaTimers {

	/**
	 * The ticket's policy and timers; empty when no policy applies.
	 */
	Optional<SlaStatus> ofTicket(UUID ticketId);

	/**
	 * The policy that applies to a ticket and its timers.
	 *
	 * @param targets per target ({@code firstResponse}, {@code nextResponse},
	 * {@code periodicUpdate}, {@code resolution}), in that order
	 */
	record SlaStatus(String policy, Map<String, Target> targets) {
	}

	/**
	 * One target of a policy on one ticket.
	 *
	 * @param dueAt when the target is due; while paused, when it would be due if the
	 * clock ran again now
	 * @param state {@code active}, {@code paused}, {@code met} or {@code missed}
	 */
	record Target(Instant dueAt, String state) {
	}

}
