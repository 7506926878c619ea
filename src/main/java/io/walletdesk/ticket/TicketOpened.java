package io.walletdesk.ticket;

import java.util.UUID;

/**
 * A new ticket exists.
 */
public record TicketOpened(UUID ticketId, String number, Channel channel, UUID requesterId, Priority priority,
		UUID groupId) {
}
