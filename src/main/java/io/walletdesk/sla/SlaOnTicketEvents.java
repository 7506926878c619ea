package io.walletdesk.sla;

import io.walletdesk.ticket.MessageReceived;
import io.walletdesk.ticket.ReplyPosted;
import io.walletdesk.ticket.TicketChanged;
import io.walletdesk.ticket.TicketOpened;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the ticket module's events into the timers. Delivered after the ticket's
 * transaction commits and replayed by the event publication registry after a crash; the
 * timekeeper's steps are safe to repeat.
 */
@Component
class SlaOnTicketEvents {

	private final SlaTimekeeper timekeeper;

	SlaOnTicketEvents(SlaTimekeeper timekeeper) {
		this.timekeeper = timekeeper;
	}

	@ApplicationModuleListener
	void on(TicketOpened event) {
		this.timekeeper.opened(event.ticketId());
	}

	@ApplicationModuleListener
	void on(ReplyPosted event) {
		this.timekeeper.replied(event.ticketId(), event.messageId(), event.authorKind(), event.visibility());
	}

	@ApplicationModuleListener
	void on(MessageReceived event) {
		if (!event.firstOfTicket()) {
			this.timekeeper.customerWrote(event.ticketId(), event.messageId());
		}
	}

	@ApplicationModuleListener
	void on(TicketChanged event) {
		this.timekeeper.changed(event.ticketId(), event.fields());
	}

}
