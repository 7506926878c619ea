package io.walletdesk.routing;

import io.walletdesk.platform.InvalidInputException;

/**
 * How much an agent takes at once: concurrent live chats (web chat, in-app, Telegram,
 * WeChat) and other open tickets.
 */
public record Capacity(int maxLiveChats, int maxOpenTickets) {

	public Capacity {
		if (maxLiveChats < 0 || maxLiveChats > 50) {
			throw new InvalidInputException("maxLiveChats", "must be between 0 and 50");
		}
		if (maxOpenTickets < 0 || maxOpenTickets > 500) {
			throw new InvalidInputException("maxOpenTickets", "must be between 0 and 500");
		}
	}

}
