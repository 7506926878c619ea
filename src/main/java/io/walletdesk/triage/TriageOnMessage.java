package io.walletdesk.triage;

import io.walletdesk.ticket.MessageReceived;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Triages every stored customer message after its transaction commits, off the intake
 * thread; the event publication registry replays it after a crash. Not one transaction
 * around the whole listener (as {@code @ApplicationModuleListener} would open): reading
 * the message and classifying it need none, and the write is a short transaction of its
 * own.
 */
@Component
class TriageOnMessage {

	private final TriageManagement triage;

	TriageOnMessage(TriageManagement triage) {
		this.triage = triage;
	}

	@Async
	@TransactionalEventListener
	void on(MessageReceived event) {
		this.triage.triageMessage(event.ticketId(), event.messageId());
	}

}
