package io.walletdesk.sla;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells one agent's open consoles that they have a new SLA notification, on their user
 * destination {@code /user/queue/sla}: the ticket id and the kind only; the bell fetches
 * the list through the console, which checks access. Sent after the commit.
 */
@Component
class SlaNotices {

	static final String QUEUE = "/queue/sla";

	private static final Logger log = LoggerFactory.getLogger(SlaNotices.class);

	private final SimpMessageSendingOperations messaging;

	SlaNotices(SimpMessageSendingOperations messaging) {
		this.messaging = messaging;
	}

	void send(String username, UUID ticketId, String kind) {
		Notice notice = new Notice(ticketId, kind);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					push(username, notice);
				}
			});
		}
		else {
			push(username, notice);
		}
	}

	private void push(String username, Notice notice) {
		try {
			this.messaging.convertAndSendToUser(username, QUEUE, notice);
		}
		catch (MessagingException ex) {
			// Stored already; the bell shows it on the next page load.
			log.debug("Could not push the SLA notice to {}", username, ex);
		}
	}

	/**
	 * @param kind {@code warning} or {@code breach}
	 */
	record Notice(java.util.UUID ticketId, String kind) {
	}

}
