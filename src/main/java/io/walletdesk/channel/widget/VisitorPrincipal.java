package io.walletdesk.channel.widget;

import java.security.Principal;
import java.util.UUID;

/**
 * A web chat visitor's live session. The name keys the visitor's user queue, so every tab
 * of one visitor receives the same pushes.
 */
record VisitorPrincipal(UUID inboxId, UUID visitorId) implements Principal {

	static String nameOf(UUID visitorId) {
		return "visitor:" + visitorId;
	}

	@Override
	public String getName() {
		return nameOf(this.visitorId);
	}

}
