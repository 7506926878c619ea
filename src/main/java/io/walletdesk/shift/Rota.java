package io.walletdesk.shift;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who works when: agents' weekly shifts in their own time zones, with their exceptions
 * (leave, extra shifts) and the public holidays of their regions. Other modules ask it;
 * the shift module keeps it.
 */
public interface Rota {

	/**
	 * Whether the agent is on shift at the instant (a weekly shift in their zone, not on
	 * leave or a holiday of their region, or an extra shift).
	 */
	boolean onShift(UUID agentId, Instant at);

	/**
	 * The agents on shift at the instant.
	 */
	Set<UUID> onShiftAgents(Instant at);

	/**
	 * The first instant at or after {@code from}, within the next 14 days, when an agent
	 * who speaks the language (any language when null) and belongs to the group (any
	 * group when null) is on shift; {@code from} itself when one is on shift now.
	 */
	Optional<Instant> nextStaffed(Instant from, String language, UUID groupId);

	/**
	 * Whether the date is a public holiday in the region (an ISO 3166 code such as
	 * {@code CN}, {@code GB}, {@code BR}).
	 */
	boolean isHoliday(String region, LocalDate date);

}
