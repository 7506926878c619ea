package io.walletdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket as other modules, the API and the console see it.
 */
public record TicketView(UUID id, String number, String subject, TicketStatus status, Priority priority,
		Category category, Channel channel, UUID requesterId, UUID assigneeId, UUID groupId, Set<String> tags,
		Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant solvedAt, Instant closedAt,
		Instant lastCustomerMessageAt, Instant lastAgentMessageAt, Sentiment sentiment, String language) {

	/**
	 * One message of the conversation.
	 */
	public record MessageView(UUID id, AuthorKind authorKind, UUID authorId, String authorName, Visibility visibility,
			String body, String bodyHtml, Channel channel, String externalId, Instant receivedAt,
			List<AttachmentView> attachments, List<LinkWarning> linkWarnings) {

		public boolean internal() {
			return this.visibility == Visibility.INTERNAL;
		}

	}

	/**
	 * A link in a customer message that imitates an official site.
	 *
	 * @param reason why it is a lookalike, e.g. {@code typosquat}, {@code punycode}
	 * @param resembles the official domain it imitates, if one
	 */
	public record LinkWarning(String url, String reason, String resembles) {
	}

	/**
	 * An attachment's description; the content is downloaded separately.
	 */
	public record AttachmentView(UUID id, String fileName, String contentType, long size) {
	}

	/**
	 * One line of the change history.
	 */
	public record Change(Instant changedAt, AuthorKind actorKind, UUID actorId, String actorName, String field,
			String oldValue, String newValue) {
	}

	/**
	 * A ticket with its whole conversation and history.
	 */
	public record Details(TicketView ticket, List<MessageView> messages, List<Change> history) {
	}

}
