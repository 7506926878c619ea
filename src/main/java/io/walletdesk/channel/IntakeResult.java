package io.walletdesk.channel;

import java.util.UUID;

/**
 * Where an inbound message ended up.
 *
 * @param newTicket the message opened a new ticket
 * @param duplicate the channel delivered this message before; nothing new was stored
 */
public record IntakeResult(UUID ticketId, String ticketNumber, UUID messageId, boolean newTicket, boolean duplicate) {
}
