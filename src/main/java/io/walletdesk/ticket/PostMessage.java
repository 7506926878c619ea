package io.walletdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Adds a message to a ticket.
 *
 * @param statusAfter for agent replies, the status to set with the reply ("submit as
 * pending"), or null
 * @param linksConfirmed the agent confirmed that the reply's links to non-official sites
 * are intended
 */
public record PostMessage(Actor author, Visibility visibility, String body, String bodyHtml, Channel channel,
		String externalId, Instant receivedAt, List<NewAttachment> attachments, TicketStatus statusAfter,
		boolean linksConfirmed) {

	public PostMessage {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	public PostMessage(Actor author, Visibility visibility, String body, String bodyHtml, Channel channel,
			String externalId, Instant receivedAt, List<NewAttachment> attachments, TicketStatus statusAfter) {
		this(author, visibility, body, bodyHtml, channel, externalId, receivedAt, attachments, statusAfter, false);
	}

	public static PostMessage reply(Actor agent, String body, Visibility visibility) {
		return new PostMessage(agent, visibility, body, null, Channel.CONSOLE, null, null, List.of(), null);
	}

}
