package io.walletdesk.ticket;

import java.util.UUID;

/**
 * How much an agent holds: live chats (web chat, in-app, Telegram, WeChat) and other
 * active tickets (email, phone, webhook, API, console) assigned to them and not yet
 * solved.
 */
public record Workload(UUID agentId, int liveChats, int openTickets) {

	public int total() {
		return this.liveChats + this.openTickets;
	}

}
