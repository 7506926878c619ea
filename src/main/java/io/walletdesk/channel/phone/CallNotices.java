package io.walletdesk.channel.phone;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the agent who answered a call, and only that agent, whose call it is: a STOMP
 * message to their user destination {@value #DESTINATION}, which every console page
 * listens to and shows as a panel with a link to the caller's history. Sent after the
 * commit, so the link never points at a ticket that was rolled back.
 */
@Component
class CallNotices {

	/** The destination as an agent's console subscribes to it. */
	static final String DESTINATION = "/user" + CallNotices.QUEUE;

	static final String QUEUE = "/queue/calls";

	private static final Logger log = LoggerFactory.getLogger(CallNotices.class);

	private final SimpMessageSendingOperations messaging;

	CallNotices(SimpMessageSendingOperations messaging) {
		this.messaging = messaging;
	}

	void answered(String username, IncomingCall call) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send(username, call);
				}
			});
		}
		else {
			send(username, call);
		}
	}

	private void send(String username, IncomingCall call) {
		try {
			this.messaging.convertAndSendToUser(username, QUEUE, call);
		}
		catch (MessagingException ex) {
			// The call is stored; the agent finds it in the console without the panel.
			log.warn("Could not tell agent {} about call {}", username, call.callId(), ex);
		}
	}

	/**
	 * What the answering agent's console shows.
	 *
	 * @param url the console page with the caller's history (their conversation)
	 */
	record IncomingCall(String callId, UUID customerId, String customerName, String callerNumber, UUID ticketId,
			String ticketNumber, String url) {
	}

}
