package io.walletdesk.channel.widget;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * Pushes to a visitor's queue ({@code /user/queue/widget}): to every live session (tab)
 * of the visitor at once. A visitor without one finds messages when the widget next loads
 * the conversation.
 */
@Component
class VisitorQueue {

	static final String QUEUE = "/queue/widget";

	private static final Logger log = LoggerFactory.getLogger(VisitorQueue.class);

	private final SimpMessageSendingOperations messaging;

	VisitorQueue(SimpMessageSendingOperations messaging) {
		this.messaging = messaging;
	}

	void push(String visitorId, Object payload) {
		try {
			this.messaging.convertAndSendToUser(VisitorPrincipal.nameOf(UUID.fromString(visitorId)), QUEUE, payload);
		}
		catch (MessagingException ex) {
			log.warn("Could not push to web chat visitor {}", visitorId, ex);
		}
	}

}
