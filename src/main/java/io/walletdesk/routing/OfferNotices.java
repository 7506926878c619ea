package io.walletdesk.routing;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * Tells an agent, and only that agent, that a live chat is offered to them: a STOMP
 * message to their user destination {@value #DESTINATION}, which the console's offer
 * panel listens to and then reloads. Sent after the commit, so the agent never sees an
 * offer that was rolled back.
 */
@Component
class OfferNotices {

	/** The destination as an agent's console subscribes to it. */
	static final String DESTINATION = "/user" + OfferNotices.QUEUE;

	static final String QUEUE = "/queue/offers";

	private static final Logger log = LoggerFactory.getLogger(OfferNotices.class);

	private final SimpMessageSendingOperations messaging;

	OfferNotices(SimpMessageSendingOperations messaging) {
		this.messaging = messaging;
	}

	void offered(String username, OfferNotice offer) {
		if (username != null) {
			Router.afterCommit(() -> send(username, offer));
		}
	}

	private void send(String username, OfferNotice offer) {
		try {
			this.messaging.convertAndSendToUser(username, QUEUE, offer);
		}
		catch (MessagingException ex) {
			// The offer is stored; the console's offer panel shows it on its next load.
			log.warn("Could not tell agent {} about offer {}", username, offer.offerId(), ex);
		}
	}

	/**
	 * What the agent's console is told of an offer.
	 */
	record OfferNotice(UUID offerId, UUID ticketId, String ticketNumber, String subject, Instant expiresAt) {
	}

}
