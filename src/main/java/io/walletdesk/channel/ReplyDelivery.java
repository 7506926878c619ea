package io.walletdesk.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.DeliveryException;
import io.walletdesk.channel.spi.Outbound;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.ticket.ReplyDeliveryChanged;
import io.walletdesk.ticket.ReplyPosted;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends every public reply back on the channel its conversation came from. The reply's
 * event stays incomplete in the publication registry until the channel accepted it, so a
 * failed or interrupted delivery is retried (see {@code EventRetries} in the platform
 * module); the delivery table keeps what happened for the console and never sends a
 * delivered reply twice.
 */
@Component
class ReplyDelivery {

	private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

	private final ChannelIntake intake;

	private final InboxManagement inboxes;

	private final ChannelAdapters adapters;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ReplyDelivery(ChannelIntake intake, InboxManagement inboxes, ChannelAdapters adapters, TicketManagement tickets,
			CustomerManagement customers, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.intake = intake;
		this.inboxes = inboxes;
		this.adapters = adapters;
		this.tickets = tickets;
		this.customers = customers;
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ReplyPosted event) throws DeliveryException {
		if (event.visibility() != Visibility.PUBLIC) {
			return;
		}
		Optional<ChannelIntake.Thread> thread = this.intake.threadOf(event.ticketId());
		if (thread.isEmpty() || alreadyDelivered(event.messageId())) {
			return;
		}
		InboxView inbox = this.inboxes.find(thread.get().inboxId()).orElseThrow();
		Optional<ChannelAdapter> adapter = this.adapters.forKind(inbox.kind());
		if (adapter.isEmpty()) {
			return;
		}
		TicketView ticket = this.tickets.get(event.ticketId());
		TicketView.MessageView reply = this.tickets.message(event.messageId()).orElseThrow();
		String language = this.customers.get(thread.get().customerId()).preferredLanguage();
		Outbound outbound = new Outbound(inbox.id(), inbox.settings(), thread.get().threadKey(),
				thread.get().recipient(), ticket.number(), ticket.subject(), reply.body(), reply.bodyHtml(),
				ticket.id(), reply.id(), language);
		// Committed before the channel is called: a crash in the middle of the send
		// leaves "sending" behind, and the retry after restart carries the same message
		// id
		// (the idempotency key for channels that honour one).
		this.separate.executeWithoutResult(status -> {
			record(event, inbox.id(), "sending", null, null);
			this.events.publishEvent(new ReplyDeliveryChanged(event.ticketId(), event.messageId()));
		});
		try {
			String externalId = adapter.get().deliver(outbound);
			record(event, inbox.id(), "sent", null, externalId);
			this.events.publishEvent(new ReplyDeliveryChanged(event.ticketId(), event.messageId()));
		}
		catch (DeliveryException | RuntimeException ex) {
			log.warn("Could not deliver reply {} of {} through {}: {}", reply.id(), ticket.number(), inbox.kind(),
					ex.getMessage());
			this.separate.executeWithoutResult(status -> {
				record(event, inbox.id(), "failed", ex.getMessage(), null);
				this.events.publishEvent(new ReplyDeliveryChanged(event.ticketId(), event.messageId()));
			});
			throw ex;
		}
	}

	private boolean alreadyDelivered(UUID messageId) {
		return this.jdbc.sql(
				"select count(*) from channel_delivery where message_id = ? and status in ('sent', 'delivered', 'read')")
			.param(messageId)
			.query(Integer.class)
			.single() > 0;
	}

	private void record(ReplyPosted event, UUID inboxId, String status, String error, String externalId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		// "sending" counts an attempt; "sent" and "failed" conclude it. A state the
		// customer's device already reported (delivered, read) is never moved back.
		this.jdbc.sql("""
				insert into channel_delivery (id, message_id, ticket_id, inbox_id, status, attempts, last_error,
				                              external_id, created_at, sent_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (message_id) do update set
				    status = case when channel_delivery.status in ('delivered', 'read') then channel_delivery.status
				                  else excluded.status end,
				    attempts = channel_delivery.attempts + excluded.attempts,
				    last_error = excluded.last_error,
				    external_id = coalesce(excluded.external_id, channel_delivery.external_id),
				    sent_at = coalesce(channel_delivery.sent_at, excluded.sent_at)""")
			.params(UUID.randomUUID(), event.messageId(), event.ticketId(), inboxId, status,
					"sending".equals(status) ? 1 : 0, error, externalId, now, "sent".equals(status) ? now : null)
			.update();
	}

}
