package io.walletdesk.ticket;

import java.util.UUID;

/**
 * A public reply's delivery state changed (sent, delivered, read, failed): open consoles
 * refresh the ticket's timeline.
 */
public record ReplyDeliveryChanged(UUID ticketId, UUID messageId) {
}
