package io.walletdesk.ticket;

import java.util.UUID;

/**
 * How many active tickets (new, open, pending, on hold) share a group, an assignee, a
 * status, a priority and a channel. Queue counters and agents' load are sums over these.
 */
public record QueueTally(UUID groupId, UUID assigneeId, TicketStatus status, Priority priority, Channel channel,
		long tickets) {
}
