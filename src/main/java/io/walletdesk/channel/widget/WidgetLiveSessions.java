package io.walletdesk.channel.widget;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.walletdesk.channel.InboxManagement;
import io.walletdesk.ticket.CustomerLiveSessions;

import org.springframework.stereotype.Component;

/**
 * Admits web chat visitors to the live broker: CONNECT with the native header
 * {@code visitor-token}; then only their own queue ({@code /user/queue/widget}) and the
 * widget's own destinations. A visitor can never subscribe to the console's ticket topics
 * or to another visitor's queue, since user destinations resolve to the session's own
 * visitor.
 */
@Component
class WidgetLiveSessions implements CustomerLiveSessions {

	static final String TOKEN_HEADER = "visitor-token";

	static final String USER_QUEUE = "/user" + VisitorQueue.QUEUE;

	private static final Set<String> SENDS = Set.of("/app/widget.send", "/app/widget.typing", "/app/widget.read",
			"/app/widget.received");

	private final VisitorTokens tokens;

	private final InboxManagement inboxes;

	WidgetLiveSessions(VisitorTokens tokens, InboxManagement inboxes) {
		this.tokens = tokens;
		this.inboxes = inboxes;
	}

	@Override
	public Optional<Principal> connect(Map<String, List<String>> nativeHeaders) {
		List<String> values = nativeHeaders.get(TOKEN_HEADER);
		if (values == null || values.isEmpty()) {
			return Optional.empty();
		}
		VisitorTokens.Claims claims;
		try {
			claims = this.tokens.verify(values.get(0));
		}
		catch (VisitorTokenRejectedException ex) {
			return Optional.empty();
		}
		return this.inboxes.find(claims.inboxId())
			.filter(inbox -> WebChat.KIND.equals(inbox.kind()) && inbox.enabled())
			.map(inbox -> new VisitorPrincipal(inbox.id(), claims.visitorId()));
	}

	@Override
	public boolean owns(Principal principal) {
		return principal instanceof VisitorPrincipal;
	}

	@Override
	public boolean maySubscribe(Principal principal, String destination) {
		return USER_QUEUE.equals(destination);
	}

	@Override
	public boolean maySend(Principal principal, String destination) {
		return destination != null && SENDS.contains(destination);
	}

}
