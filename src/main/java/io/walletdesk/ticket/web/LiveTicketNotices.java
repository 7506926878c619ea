package io.walletdesk.ticket.web;

import java.util.UUID;

import io.walletdesk.ticket.CustomerTyping;
import io.walletdesk.ticket.MessageReceived;
import io.walletdesk.ticket.ReplyDeliveryChanged;
import io.walletdesk.ticket.ReplyPosted;
import io.walletdesk.ticket.TicketChanged;
import io.walletdesk.ticket.TicketOpened;
import io.walletdesk.ticket.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open consoles that a ticket changed, so they fetch the affected parts again. A
 * notice carries the ticket id and what happened, never message text: the console fetches
 * the content through the pages, which check access. Notices leave only after the change
 * is committed, so a console never fetches a state that is then rolled back.
 */
@Component
class LiveTicketNotices {

	static final String ALL_TICKETS = "/topic/tickets";

	private static final Logger log = LoggerFactory.getLogger(LiveTicketNotices.class);

	private final SimpMessageSendingOperations messaging;

	LiveTicketNotices(SimpMessageSendingOperations messaging) {
		this.messaging = messaging;
	}

	static String topic(UUID ticketId) {
		return ALL_TICKETS + "/" + ticketId;
	}

	@EventListener
	void on(TicketOpened event) {
		afterCommit(new Notice(event.ticketId(), "opened"));
	}

	@EventListener
	void on(MessageReceived event) {
		if (!event.firstOfTicket()) {
			afterCommit(new Notice(event.ticketId(), "message"));
		}
	}

	@EventListener
	void on(ReplyPosted event) {
		afterCommit(new Notice(event.ticketId(), event.visibility() == Visibility.INTERNAL ? "note" : "reply"));
	}

	@EventListener
	void on(ReplyDeliveryChanged event) {
		afterCommit(new Notice(event.ticketId(), "delivery"));
	}

	@EventListener
	void on(TicketChanged event) {
		afterCommit(new Notice(event.ticketId(), "changed"));
	}

	/**
	 * Only the ticket's own page shows that the customer is typing, so the notice goes to
	 * that ticket's topic alone.
	 */
	@EventListener
	void on(CustomerTyping event) {
		Notice notice = new Notice(event.ticketId(), event.typing() ? "typing" : "typing-stopped");
		try {
			this.messaging.convertAndSend(topic(event.ticketId()), notice);
		}
		catch (MessagingException ex) {
			log.debug("Could not send the typing notice for ticket {}", event.ticketId(), ex);
		}
	}

	// A plain listener plus a synchronization rather than @TransactionalEventListener:
	// that one
	// would enter every notice in the event publication registry, which is for work that
	// must
	// not be lost, and a missed notice only means a console refreshes on the next one.
	private void afterCommit(Notice notice) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send(notice);
				}
			});
		}
		else {
			send(notice);
		}
	}

	private void send(Notice notice) {
		try {
			this.messaging.convertAndSend(ALL_TICKETS, notice);
			this.messaging.convertAndSend(topic(notice.ticketId()), notice);
		}
		catch (MessagingException ex) {
			// The change is stored; only the live refresh is lost, and consoles catch up
			// on the next notice.
			log.warn("Could not send the live notice for ticket {}", notice.ticketId(), ex);
		}
	}

	/**
	 * What open consoles learn: which ticket, and whether it was opened, got a customer
	 * message, a reply, a note, or another change, or that the customer started or
	 * stopped typing in a live chat ({@code typing}, {@code typing-stopped}).
	 */
	record Notice(UUID ticketId, String kind) {
	}

}
