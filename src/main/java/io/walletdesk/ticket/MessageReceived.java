package io.walletdesk.ticket;

import java.util.UUID;

/**
 * A customer message was stored on a ticket (after redaction).
 */
public record MessageReceived(UUID ticketId, UUID messageId, Channel channel, boolean firstOfTicket) {
}
