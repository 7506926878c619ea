package io.walletdesk.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.OpenTicket;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door through which every channel's customer messages enter: identifies the
 * customer, deduplicates by the channel's message id, continues the conversation's open
 * ticket or opens a new one, all in one transaction. A message accepted here is stored
 * before the channel is told so, and a retry of the same message is answered with the
 * first result.
 */
@Service
public class ChannelIntake {

	private final InboxManagement inboxes;

	private final CustomerManagement customers;

	private final TicketManagement tickets;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Acknowledgement acknowledgement;

	ChannelIntake(InboxManagement inboxes, CustomerManagement customers, TicketManagement tickets, JdbcClient jdbc,
			Clock clock, Acknowledgement acknowledgement) {
		this.acknowledgement = acknowledgement;
		this.inboxes = inboxes;
		this.customers = customers;
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @throws NotFoundException for an unknown inbox
	 * @throws InvalidInputException for a disabled inbox or a message without sender or
	 * content
	 */
	@Transactional
	public IntakeResult receive(InboundMessage message) {
		InboxView inbox = this.inboxes.find(message.inboxId())
			.orElseThrow(() -> new NotFoundException("Inbox", message.inboxId()));
		if (!inbox.enabled()) {
			throw new InvalidInputException("inbox", "is disabled");
		}
		if (message.sender() == null || message.sender().isBlank()) {
			throw new InvalidInputException("sender", "must not be blank");
		}
		Channel channel = Channel.fromId(inbox.kind());
		String externalId = message.externalId() == null ? null : dedupeKey(inbox.id(), message.externalId());
		String threadKey = message.threadKey() == null ? message.sender() : message.threadKey();
		// Serialises concurrent first messages of one conversation, so they end in one
		// ticket.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param(inbox.id() + "|" + threadKey)
			.query(Object.class)
			.single();
		UUID customerId = this.customers.identify(message.senderKind(), message.sender(), message.senderName(),
				message.language());
		if (externalId != null) {
			Optional<TicketManagement.MessageRef> seen = this.tickets.findByExternalId(channel, externalId);
			if (seen.isPresent()) {
				TicketView ticket = this.tickets.get(seen.get().ticketId());
				return new IntakeResult(ticket.id(), ticket.number(), seen.get().messageId(), false, true);
			}
		}
		Optional<UUID> current = message.ticketHint() != null ? Optional.of(message.ticketHint())
				: currentTicket(inbox.id(), threadKey);
		Optional<TicketView> continuing = current.flatMap(this.tickets::find)
			.filter(ticket -> ticket.status() != TicketStatus.CLOSED);
		Instant receivedAt = message.receivedAt() == null ? this.clock.instant() : message.receivedAt();
		Actor sender = Actor.customer(customerId, message.senderName());
		if (continuing.isPresent()) {
			TicketView ticket = continuing.get();
			var stored = this.tickets.post(ticket.id(), new PostMessage(sender, Visibility.PUBLIC, message.text(),
					message.html(), channel, externalId, receivedAt, message.attachments(), null));
			count(inbox.id(), stored.id());
			return new IntakeResult(ticket.id(), ticket.number(), stored.id(), false, false);
		}
		TicketManagement.Opened opened = this.tickets
			.openWithMessage(new OpenTicket(customerId, message.subject(), message.text(), message.html(), channel,
					externalId, receivedAt, null, null, null, inbox.groupId(), null, message.attachments(), sender));
		remember(inbox.id(), threadKey, opened.ticket().id(), customerId, message.sender());
		count(inbox.id(), opened.messageId());
		acknowledge(inbox, channel, opened.ticket());
		return new IntakeResult(opened.ticket().id(), opened.ticket().number(), opened.messageId(), true, false);
	}

	/**
	 * The conversation key and inbox a ticket's replies go to, if it came through a
	 * channel.
	 */
	@Transactional(readOnly = true)
	public Optional<Thread> threadOf(UUID ticketId) {
		return this.jdbc.sql("""
				select inbox_id, thread_key, customer_id, recipient from channel_thread where ticket_id = ?
				order by created_at desc limit 1""")
			.param(ticketId)
			.query((rs, n) -> new Thread(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4)))
			.optional();
	}

	/**
	 * Tells the customer their message arrived, under which number, and when to expect an
	 * answer, through the normal reply path (outgoing guard, delivery). Only for a ticket
	 * this message opened, so neither a duplicate nor a follow-up is acknowledged. A
	 * safety reply (secret removed, phishing warning) was posted while the ticket was
	 * opened and so reaches the customer first.
	 */
	private void acknowledge(InboxView inbox, Channel channel, TicketView ticket) {
		if (!this.acknowledgement.wanted(inbox)) {
			return;
		}
		String text = this.acknowledgement.text(inbox, this.tickets.replyLanguage(ticket.id()), ticket.number());
		this.tickets.post(ticket.id(),
				new PostMessage(Actor.system(), Visibility.PUBLIC, text, null, channel, null, null, List.of(), null));
	}

	private Optional<UUID> currentTicket(UUID inboxId, String threadKey) {
		return this.jdbc.sql("""
				select ticket_id from channel_thread where inbox_id = ? and thread_key = ?
				order by created_at desc limit 1""").params(inboxId, threadKey).query(UUID.class).optional();
	}

	private void remember(UUID inboxId, String threadKey, UUID ticketId, UUID customerId, String recipient) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into channel_thread (id, inbox_id, thread_key, ticket_id, customer_id, recipient, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(UUID.randomUUID(), inboxId, threadKey, ticketId, customerId, recipient, now)
			.update();
	}

	/**
	 * For the inbox's health: when it last received a message. The time is WalletDesk's,
	 * not the channel's, so a channel's late redelivery does not look like fresh traffic.
	 */
	private void count(UUID inboxId, UUID messageId) {
		this.jdbc.sql("insert into channel_inbound (message_id, inbox_id, received_at) values (?, ?, ?)")
			.params(messageId, inboxId, Timestamp.from(this.clock.instant()))
			.update();
	}

	static String dedupeKey(UUID inboxId, String externalId) {
		String key = inboxId + ":" + externalId;
		return key.length() > 255 ? key.substring(0, 255) : key;
	}

	/**
	 * A channel conversation: the inbox and key replies go to, and the customer behind
	 * it.
	 */
	public record Thread(UUID inboxId, String threadKey, UUID customerId, String recipient) {
	}

}
