package io.walletdesk.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.walletdesk.customer.IdentityKind;
import io.walletdesk.ticket.NewAttachment;

/**
 * A customer message as a channel adapter received it.
 *
 * @param inboxId the inbox it arrived in
 * @param externalId the channel's id of this message, unique within the inbox
 * (deduplication)
 * @param threadKey the channel's conversation key: messages with the same key continue
 * the same ticket while it is not closed
 * @param ticketHint a ticket the adapter already matched (e-mail threading), or null
 * @param senderKind how the sender is identified on this channel
 * @param sender the sender's handle (address, chat id, open id, app user id)
 * @param senderName a display name if the channel gives one
 * @param language the sender's language if known (BCP-47), else null
 * @param receivedAt when the channel received it (null: now)
 */
public record InboundMessage(UUID inboxId, String externalId, String threadKey, UUID ticketHint,
		IdentityKind senderKind, String sender, String senderName, String language, String subject, String text,
		String html, List<NewAttachment> attachments, Instant receivedAt) {

	public InboundMessage {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

}
