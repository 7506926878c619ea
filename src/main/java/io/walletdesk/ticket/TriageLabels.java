package io.walletdesk.ticket;

/**
 * What triage understood of a customer message, for {@link TicketManagement#applyTriage}.
 * Any field may be null (nothing to say). A field an agent set is never overwritten; the
 * category is taken when the ticket has none or the message reports a security incident,
 * the priority only when it is higher than the ticket's.
 *
 * @param category the message's category
 * @param priority the message's priority
 * @param sentiment how the customer sounds
 * @param language the message's language tag ({@code zh}, {@code en}, {@code mixed}, ...)
 */
public record TriageLabels(Category category, Priority priority, Sentiment sentiment, String language) {
}
