package io.walletdesk.ticket;

import java.util.UUID;

/**
 * An agent, the bot or the system wrote on a ticket: a public reply or an internal note.
 */
public record ReplyPosted(UUID ticketId, UUID messageId, AuthorKind authorKind, Visibility visibility) {
}
