package io.walletdesk.ticket;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What to list. Null fields do not filter. {@code unassigned} selects tickets without an
 * assignee (and overrides {@code assigneeId}); {@code q} searches subject and message
 * text.
 */
public record TicketFilter(Set<TicketStatus> statuses, Set<Priority> priorities, Category category, UUID assigneeId,
		boolean unassigned, UUID groupId, Channel channel, String tag, UUID requesterId, String q, Instant createdFrom,
		Instant createdTo, Order order) {

	public static TicketFilter all() {
		return new TicketFilter(null, null, null, null, false, null, null, null, null, null, null, null, Order.NEWEST);
	}

	/**
	 * How to order a list: newest first, or the queue order (most urgent; within a
	 * priority security incidents, then the nearest service-level deadline, then the
	 * longest wait, weighted up for anxious and angry customers).
	 */
	public enum Order {

		NEWEST, URGENT_FIRST

	}

}
