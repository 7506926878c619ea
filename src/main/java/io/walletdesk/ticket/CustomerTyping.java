package io.walletdesk.ticket;

import java.util.UUID;

/**
 * The customer started or stopped typing in a live chat on this ticket. Not stored and
 * not replayed.
 */
public record CustomerTyping(UUID ticketId, boolean typing) {
}
