package io.walletdesk.triage;

import io.walletdesk.ticket.MessageReceived;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Triages every stored customer message after its transaction commits, off the intake
 * thread; the event publication registry replays it after a crash.
 */
@Component
class TriageOnMessage {

	private final TriageManagement triage;

	TriageOnMessage(TriageManagement triage) {
		this.triage = triage;
	}

	@ApplicationModuleListener
	void on(MessageReceived event) {
		this.triage.triageMessage(event.ticketId(), event.messageId());
	}

}
