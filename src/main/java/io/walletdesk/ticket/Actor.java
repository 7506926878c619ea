package io.walletdesk.ticket;

import java.util.UUID;

/**
 * Who made a change: an agent (by id and name), the customer, the bot or the system.
 */
public record Actor(AuthorKind kind, UUID id, String name) {

	public static Actor agent(UUID id, String name) {
		return new Actor(AuthorKind.AGENT, id, name);
	}

	public static Actor customer(UUID id, String name) {
		return new Actor(AuthorKind.CUSTOMER, id, name);
	}

	public static Actor system() {
		return new Actor(AuthorKind.SYSTEM, null, "WalletDesk");
	}

	boolean isAgent() {
		return this.kind == AuthorKind.AGENT;
	}

}
