package io.walletdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Opens a ticket with the customer's first message.
 *
 * @param requesterId the customer who asks
 * @param externalId the channel's id of the first message, for deduplication (may be
 * null)
 * @param receivedAt when the channel received the message (null: now)
 * @param openedBy who opened it: the customer, or an agent on their behalf
 */
public record OpenTicket(UUID requesterId, String subject, String body, String bodyHtml, Channel channel,
		String externalId, Instant receivedAt, Priority priority, Category category, Set<String> tags, UUID groupId,
		UUID assigneeId, List<NewAttachment> attachments, Actor openedBy) {

	public OpenTicket {
		tags = tags == null ? Set.of() : Set.copyOf(tags);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

}
