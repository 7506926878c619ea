package io.walletdesk.channel.app;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.channel.ChannelIntake;
import io.walletdesk.channel.DeliveryReports;
import io.walletdesk.channel.InboundMessage;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.IntakeResult;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.platform.Cursor;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.NewAttachment;
import io.walletdesk.ticket.ReplyDeliveryChanged;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app conversations of an app's users: takes their messages in with the app's
 * context, lists their conversation for the app's polling and records what the app
 * reports back (delivered, read).
 * <p>
 * App version and OS are kept per message in {@code channel_app_context} and shown to
 * agents as the ticket tags {@code app:<version>} and {@code os:<name>} (replaced when
 * the user writes from another build): the console shows tags on every ticket, filters by
 * them and reports can group by them, without the ticket module knowing about apps.
 */
@Service
class AppConversations {

	static final String APP_TAG = "app:";

	static final String OS_TAG = "os:";

	private final ChannelIntake intake;

	private final CustomerManagement customers;

	private final TicketManagement tickets;

	private final DeliveryReports reports;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AppConversations(ChannelIntake intake, CustomerManagement customers, TicketManagement tickets,
			DeliveryReports reports, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.intake = intake;
		this.customers = customers;
		this.tickets = tickets;
		this.reports = reports;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores a validated app message: the user's wallet addresses first (so the secret
	 * scanner can match a pasted key against them), then the message through
	 * {@link ChannelIntake}, then the app context. A retried message changes nothing.
	 */
	@Transactional
	IntakeResult receive(InboxView inbox, AppMessage message, List<NewAttachment> attachments) {
		UUID customerId = this.customers.identify(IdentityKind.APP_USER, message.userId(), message.userName(),
				message.language());
		// Identities the app's backend vouches for make one customer of the app user and
		// the same person on e-mail or phone (the app signs its requests; a chat
		// visitor's
		// typed address never gets here).
		if (message.verifiedEmail() != null && !message.verifiedEmail().isBlank()) {
			customerId = this.customers.linkVerified(customerId, IdentityKind.EMAIL, message.verifiedEmail());
		}
		if (message.verifiedPhone() != null && !message.verifiedPhone().isBlank()) {
			customerId = this.customers.linkVerified(customerId, IdentityKind.PHONE, message.verifiedPhone());
		}
		if (message.walletAddresses() != null && !message.walletAddresses().isEmpty()) {
			this.customers.addWalletAddresses(customerId,
					message.walletAddresses().stream().map(address -> address.address().strip()).toList());
		}
		IntakeResult result = this.intake.receive(new InboundMessage(inbox.id(), message.messageId(), message.userId(),
				null, IdentityKind.APP_USER, message.userId(), message.userName(), message.language(),
				message.subject(), text(message.text(), attachments), null, attachments, null));
		if (result.duplicate()) {
			return result;
		}
		this.jdbc.sql("""
				insert into channel_app_context (message_id, ticket_id, inbox_id, user_id, app_version, os, received_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(result.messageId(), result.ticketId(), inbox.id(), message.userId(), message.appVersion(),
					message.os(), Timestamp.from(this.clock.instant()))
			.update();
		tag(result.ticketId(), message.appVersion(), message.os());
		return result;
	}

	/**
	 * Tickets need text; a screenshot sent on its own is named in the text instead.
	 */
	private static String text(String text, List<NewAttachment> attachments) {
		if (text != null && !text.isBlank()) {
			return text;
		}
		return "Attachments: " + String.join(", ", attachments.stream().map(NewAttachment::fileName).toList());
	}

	private void tag(UUID ticketId, String appVersion, String os) {
		TicketView ticket = this.tickets.get(ticketId);
		if (ticket.status() == TicketStatus.CLOSED) {
			return;
		}
		Set<String> tags = new LinkedHashSet<>();
		ticket.tags().stream().filter(tag -> !tag.startsWith(APP_TAG) && !tag.startsWith(OS_TAG)).forEach(tags::add);
		tags.add(APP_TAG + appVersion.toLowerCase(Locale.ROOT));
		// The OS name without its version: "iOS 17.4" and "iOS 17.5" are both os:ios.
		tags.add(OS_TAG + os.strip().split("[\\s(]+")[0].toLowerCase(Locale.ROOT));
		if (!tags.equals(ticket.tags())) {
			this.tickets.change(ticketId, new ChangeTicket(null, null, null, null, null, tags), Actor.system());
		}
	}

	/**
	 * The user's conversation in this inbox after the cursor, oldest first: every public
	 * message of every ticket their app messages started. Agents' and system replies
	 * returned here count as delivered.
	 */
	@Transactional
	Polled poll(InboxView inbox, String userId, String after, int limit) {
		Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after);
		List<Entry> all = new ArrayList<>();
		for (UUID ticketId : ticketsOf(inbox.id(), userId)) {
			TicketView.Details details = this.tickets.details(ticketId);
			for (TicketView.MessageView message : details.messages()) {
				if (message.visibility() == Visibility.PUBLIC) {
					all.add(new Entry(details.ticket(), message));
				}
			}
		}
		Comparator<Entry> order = Comparator.comparing((Entry entry) -> entry.message().receivedAt())
			.thenComparing(entry -> entry.message().id());
		List<Entry> page = all.stream()
			.filter(entry -> cursor == null || isAfter(entry.message(), cursor))
			.sorted(order)
			.limit(limit)
			.toList();
		Instant now = this.clock.instant();
		for (Entry entry : page) {
			if (entry.message().authorKind() != AuthorKind.CUSTOMER) {
				delivered(inbox.id(), entry.ticket().id(), entry.message().id(), now);
			}
		}
		String next = page.isEmpty() ? (cursor == null ? null : cursor.encode())
				: new Cursor(page.get(page.size() - 1).message().receivedAt(), page.get(page.size() - 1).message().id())
					.encode();
		return new Polled(page, next);
	}

	/**
	 * Records that the user read a reply.
	 * @return false when the message is no reply in this user's conversation
	 */
	@Transactional
	boolean read(InboxView inbox, String userId, UUID messageId) {
		for (UUID ticketId : ticketsOf(inbox.id(), userId)) {
			for (TicketView.MessageView message : this.tickets.details(ticketId).messages()) {
				if (message.id().equals(messageId) && message.visibility() == Visibility.PUBLIC
						&& message.authorKind() != AuthorKind.CUSTOMER) {
					Instant now = this.clock.instant();
					if (!this.reports.read(messageId, now)) {
						record(inbox.id(), ticketId, messageId, "read", now);
					}
					return true;
				}
			}
		}
		return false;
	}

	/** The external id the app gave a customer message, without the inbox prefix. */
	static String appMessageId(UUID inboxId, String externalId) {
		String prefix = inboxId + ":";
		return externalId != null && externalId.startsWith(prefix) ? externalId.substring(prefix.length()) : null;
	}

	private void delivered(UUID inboxId, UUID ticketId, UUID messageId, Instant now) {
		if (!this.reports.delivered(messageId, now)) {
			record(inboxId, ticketId, messageId, "delivered", now);
		}
	}

	/**
	 * Polling can fetch a reply before {@code ReplyDelivery} has handled it; the row made
	 * here then tells it the reply already reached the app (it sends nothing more). An
	 * existing row is left alone: its state only moves forward through
	 * {@link DeliveryReports}. Open consoles are told, as for every state change.
	 */
	private void record(UUID inboxId, UUID ticketId, UUID messageId, String state, Instant now) {
		Timestamp at = Timestamp.from(now);
		int inserted = this.jdbc.sql("""
				insert into channel_delivery (id, message_id, ticket_id, inbox_id, status, attempts, created_at,
				                              delivered_at, read_at)
				values (?, ?, ?, ?, ?, 0, ?, ?, ?) on conflict (message_id) do nothing""")
			.params(UUID.randomUUID(), messageId, ticketId, inboxId, state, at, at, "read".equals(state) ? at : null)
			.update();
		if (inserted > 0) {
			this.events.publishEvent(new ReplyDeliveryChanged(ticketId, messageId));
		}
	}

	private List<UUID> ticketsOf(UUID inboxId, String userId) {
		return this.jdbc.sql("""
				select ticket_id from channel_thread where inbox_id = ? and thread_key = ? order by created_at""")
			.params(inboxId, userId)
			.query(UUID.class)
			.list();
	}

	private static boolean isAfter(TicketView.MessageView message, Cursor cursor) {
		int byTime = message.receivedAt().compareTo(cursor.createdAt());
		return byTime > 0 || (byTime == 0 && message.id().compareTo(cursor.id()) > 0);
	}

	record Entry(TicketView ticket, TicketView.MessageView message) {
	}

	record Polled(List<Entry> messages, String nextCursor) {
	}

}
