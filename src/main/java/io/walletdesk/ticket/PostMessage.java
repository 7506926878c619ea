package io.walletdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Adds a message to a ticket.
 *
 * @param statusAfter for agent replies, the status to set with the reply ("submit as
 * pending"), or null
 */
public record PostMessage(Actor author, Visibility visibility, String body, String bodyHtml, Channel channel,
		String externalId, Instant receivedAt, List<NewAttachment> attachments, TicketStatus statusAfter) {

	public PostMessage {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	public static PostMessage reply(Actor agent, String body, Visibility visibility) {
		return new PostMessage(agent, visibility, body, null, Channel.CONSOLE, null, null, List.of(), null);
	}

}
