package io.walletdesk.ticket;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admits customers' live sessions (the web chat widget) to the message broker that also
 * carries the console's live updates. The ticket module guards every frame: agents are
 * checked by its own rules, every other session only by the implementation that
 * recognised it at CONNECT. Implemented by a channel, so that ticket does not depend on
 * channels.
 */
public interface CustomerLiveSessions {

	/**
	 * The principal for a CONNECT frame that arrived without a signed-in agent.
	 * @param nativeHeaders the frame's STOMP headers
	 * @return empty when these headers do not authenticate a customer of this kind
	 */
	Optional<Principal> connect(Map<String, List<String>> nativeHeaders);

	/** Whether this principal is one this implementation created. */
	boolean owns(Principal principal);

	/** Whether the customer may subscribe to the destination. */
	boolean maySubscribe(Principal principal, String destination);

	/** Whether the customer may send to the destination. */
	boolean maySend(Principal principal, String destination);

}
