package io.walletdesk.channel.phone;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.safety.SecretScanner;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.AuthorKind;
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
 * Logs phone calls into the caller's conversation. The caller is a customer known by
 * their phone number; the call continues their latest phone conversation in the inbox
 * unless that ticket is closed, else it opens a ticket of channel {@code phone}. The call
 * itself becomes an internal note by the agent (the customer did not write it) with a
 * readable summary, and a row in {@code channel_phone_call} with the structured fields.
 * Notes pass the same secret scanner as every message before anything is stored.
 */
@Service
class CallLog {

	static final String INBOUND = "inbound";

	static final String OUTBOUND = "outbound";

	static final int MAX_DURATION = 86_400;

	static final int MAX_NOTES = 10_000;

	private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final String COLUMNS = """
			id, inbox_id, call_id, ticket_id, customer_id, caller_number, caller_name, direction, started_at,
			duration_seconds, notes, recording_url, agent_id, message_id, logged_at""";

	private final InboxManagement inboxes;

	private final CustomerManagement customers;

	private final TicketManagement tickets;

	private final SecretScanner scanner;

	private final JdbcClient jdbc;

	private final Clock clock;

	CallLog(InboxManagement inboxes, CustomerManagement customers, TicketManagement tickets, SecretScanner scanner,
			JdbcClient jdbc, Clock clock) {
		this.inboxes = inboxes;
		this.customers = customers;
		this.tickets = tickets;
		this.scanner = scanner;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Everything wrong with a call an agent wants to log, all at once; empty when it can
	 * be logged.
	 */
	@Transactional(readOnly = true)
	List<CallProblem> problems(NewCall call) {
		List<CallProblem> problems = new ArrayList<>();
		Optional<InboxView> inbox = Optional.empty();
		if (call.inboxId() != null) {
			inbox = phoneInbox(call.inboxId());
			if (inbox.isEmpty()) {
				problems.add(new CallProblem("inboxId", "inbox"));
			}
		}
		if (blank(call.callerNumber())) {
			problems.add(new CallProblem("callerNumber", "required"));
		}
		else if (number(call.callerNumber(), inbox.orElse(null)).isEmpty()) {
			problems.add(new CallProblem("callerNumber", "number"));
		}
		if (call.callerName() != null && call.callerName().strip().length() > 200) {
			problems.add(new CallProblem("callerName", "tooLong"));
		}
		if (blank(call.direction())) {
			problems.add(new CallProblem("direction", "required"));
		}
		else if (!INBOUND.equals(call.direction()) && !OUTBOUND.equals(call.direction())) {
			problems.add(new CallProblem("direction", "direction"));
		}
		if (call.durationSeconds() == null) {
			problems.add(new CallProblem("durationSeconds", "required"));
		}
		else if (call.durationSeconds() < 0 || call.durationSeconds() > MAX_DURATION) {
			problems.add(new CallProblem("durationSeconds", "duration"));
		}
		if (call.startedAt() != null && call.startedAt().isAfter(this.clock.instant().plus(Duration.ofMinutes(5)))) {
			problems.add(new CallProblem("startedAt", "future"));
		}
		if (call.notes() != null && call.notes().length() > MAX_NOTES) {
			problems.add(new CallProblem("notes", "tooLong"));
		}
		recordingProblem(call.recordingUrl()).ifPresent(problems::add);
		if (call.ticketId() != null) {
			Optional<TicketView> ticket = this.tickets.find(call.ticketId());
			if (ticket.isEmpty()) {
				problems.add(new CallProblem("ticketId", "ticket"));
			}
			else if (ticket.get().status() == TicketStatus.CLOSED) {
				problems.add(new CallProblem("ticketId", "closed"));
			}
		}
		return problems;
	}

	/**
	 * Logs a call an agent made or took.
	 * @throws io.walletdesk.platform.InvalidInputException listing every problem of the
	 * call
	 */
	@Transactional
	CallRecord log(NewCall call, Actor agent) {
		List<CallProblem> problems = problems(call);
		if (!problems.isEmpty()) {
			throw CallProblem.toException(problems);
		}
		InboxView inbox = call.inboxId() == null ? null : phoneInbox(call.inboxId()).orElseThrow();
		String number = number(call.callerNumber(), inbox).orElseThrow();
		String name = blank(call.callerName()) ? null : call.callerName().strip();
		Instant startedAt = call.startedAt() == null ? this.clock.instant() : call.startedAt();
		UUID customerId = this.customers.identify(IdentityKind.PHONE, number, name, null);
		TicketView ticket = call.ticketId() != null ? this.tickets.get(call.ticketId())
				: conversation(inbox, customerId, number, call.direction(), startedAt, agent);
		UUID id = insert(inbox == null ? null : inbox.id(), null, customerId, ticket.id(), number, name,
				call.direction(), startedAt, agent.kind() == AuthorKind.AGENT ? agent.id() : null);
		return complete(id, call.durationSeconds(), call.notes(),
				blank(call.recordingUrl()) ? null : call.recordingUrl().strip(), agent);
	}

	/**
	 * The caller's current conversation in the inbox (or, without inbox, among calls
	 * logged without one): the ticket of their latest call there unless it is closed;
	 * else a new phone ticket. Serialised per caller and inbox so two simultaneous first
	 * calls end in one ticket.
	 */
	TicketView conversation(InboxView inbox, UUID customerId, String number, String direction, Instant at,
			Actor openedBy) {
		UUID inboxId = inbox == null ? null : inbox.id();
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("phone|" + inboxId + "|" + customerId)
			.query(Object.class)
			.single();
		Optional<UUID> latest = (inboxId == null ? this.jdbc.sql("""
				select ticket_id from channel_phone_call where inbox_id is null and customer_id = ?
				order by created_at desc limit 1""").param(customerId) : this.jdbc.sql("""
				select ticket_id from channel_phone_call where inbox_id = ? and customer_id = ?
				order by created_at desc limit 1""").params(inboxId, customerId)).query(UUID.class).optional();
		Optional<TicketView> open = latest.flatMap(this.tickets::find)
			.filter(ticket -> ticket.status() != TicketStatus.CLOSED);
		if (open.isPresent()) {
			return open.get();
		}
		// The ticket module opens every ticket with a first message from the requester;
		// for a call that is a one-line record that the caller got in touch.
		boolean inbound = !OUTBOUND.equals(direction);
		String subject = (inbound ? "Call from " : "Call to ") + number;
		String opening = (inbound ? "Phone call from " : "Phone call to ") + number + " at " + STARTED.format(at);
		return this.tickets
			.openWithMessage(new OpenTicket(customerId, subject, opening, null, Channel.PHONE, null, at, null, null,
					Set.of(), inbox == null ? null : inbox.groupId(), null, List.of(), openedBy))
			.ticket();
	}

	/** Enters a call that has not been logged yet; the note follows with complete. */
	UUID insert(UUID inboxId, String callId, UUID customerId, UUID ticketId, String number, String name,
			String direction, Instant startedAt, UUID agentId) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into channel_phone_call (id, inbox_id, call_id, customer_id, ticket_id, caller_number,
				                                caller_name, direction, started_at, agent_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, inboxId, callId, customerId, ticketId, number, name, direction, Timestamp.from(startedAt),
					agentId, Timestamp.from(this.clock.instant()))
			.update();
		return id;
	}

	/**
	 * Logs a call entered before: posts the internal note and stores duration, notes and
	 * recording. A call logged before is returned as it is, so it is logged once.
	 */
	CallRecord complete(UUID id, Integer durationSeconds, String notes, String recordingUrl, Actor author) {
		CallRecord call = this.jdbc.sql("select " + COLUMNS + " from channel_phone_call where id = ? for update")
			.param(id)
			.query(this::row)
			.single();
		if (call.messageId() != null) {
			return call;
		}
		if (this.tickets.get(call.ticketId()).status() == TicketStatus.CLOSED) {
			// Closed while the call went on: a closed ticket takes no message, and
			// refusing would make the telephony system repeat the event forever.
			InboxView inbox = call.inboxId() == null ? null : this.inboxes.find(call.inboxId()).orElse(null);
			TicketView fresh = conversation(inbox, call.customerId(), call.callerNumber(), call.direction(),
					call.startedAt(), author);
			this.jdbc.sql("update channel_phone_call set ticket_id = ? where id = ?").params(fresh.id(), id).update();
			call = find(id).orElseThrow();
		}
		String cleanNotes = blank(notes) ? null
				: this.scanner.scan(notes.strip(), this.customers.walletAddresses(call.customerId())).redactedText();
		String body = summary(call, durationSeconds, notes == null ? null : notes.strip(), recordingUrl, author);
		// The note's text is cleaned by the ticket module like every message; the column
		// gets the same treatment here.
		TicketView.MessageView message = this.tickets.post(call.ticketId(),
				new PostMessage(author, Visibility.INTERNAL, body, null, Channel.PHONE, null, null, List.of(), null));
		this.jdbc.sql("""
				update channel_phone_call set message_id = ?, duration_seconds = ?, notes = ?, recording_url = ?,
				       agent_id = coalesce(agent_id, ?), logged_at = ?
				where id = ?""")
			.params(message.id(), durationSeconds, cleanNotes, recordingUrl,
					author.kind() == AuthorKind.AGENT ? author.id() : null, Timestamp.from(this.clock.instant()), id)
			.update();
		return find(id).orElseThrow();
	}

	void answeredBy(UUID id, UUID agentId) {
		this.jdbc.sql("update channel_phone_call set agent_id = ? where id = ?").params(agentId, id).update();
	}

	@Transactional(readOnly = true)
	Optional<CallRecord> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from channel_phone_call where id = ?")
			.param(id)
			.query(this::row)
			.optional();
	}

	@Transactional(readOnly = true)
	Optional<CallRecord> reported(UUID inboxId, String callId) {
		return this.jdbc.sql("select " + COLUMNS + " from channel_phone_call where inbox_id = ? and call_id = ?")
			.params(inboxId, callId)
			.query(this::row)
			.optional();
	}

	/**
	 * Logged calls of a customer, of a ticket, or (both given) of either, newest first.
	 */
	@Transactional(readOnly = true)
	List<CallRecord> list(UUID customerId, UUID ticketId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from channel_phone_call
				where message_id is not null and (customer_id = ? or ticket_id = ?)
				order by started_at desc, id desc limit ?""")
			.params(customerId, ticketId, limit)
			.query(this::row)
			.list();
	}

	/** An enabled inbox of kind phone. */
	Optional<InboxView> phoneInbox(UUID inboxId) {
		return this.inboxes.find(inboxId).filter(inbox -> PhoneAdapter.KIND.equals(inbox.kind()) && inbox.enabled());
	}

	/** The number in E.164 form, national numbers read with the inbox's country code. */
	static Optional<String> number(String input, InboxView inbox) {
		return PhoneNumbers.normalize(input, inbox == null ? null : inbox.settings().get("defaultCountryCode"));
	}

	static Optional<CallProblem> recordingProblem(String url) {
		if (blank(url)) {
			return Optional.empty();
		}
		if (url.strip().length() > 2000) {
			return Optional.of(new CallProblem("recordingUrl", "tooLong"));
		}
		try {
			URI uri = new URI(url.strip());
			if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null) {
				return Optional.empty();
			}
		}
		catch (URISyntaxException ex) {
			// answered below like any other link that is not https
		}
		return Optional.of(new CallProblem("recordingUrl", "https"));
	}

	private String summary(CallRecord call, Integer durationSeconds, String notes, String recordingUrl, Actor author) {
		StringBuilder text = new StringBuilder();
		text.append(INBOUND.equals(call.direction()) ? "Phone call (inbound) from " : "Phone call (outbound) to ")
			.append(call.callerNumber());
		if (call.callerName() != null) {
			text.append(" (").append(call.callerName()).append(')');
		}
		text.append("\nStarted: ").append(STARTED.format(call.startedAt()));
		text.append("\nDuration: ").append(duration(durationSeconds));
		text.append(author.kind() == AuthorKind.AGENT ? "\nAgent: " + author.name() : "\nReported by the phone system");
		if (recordingUrl != null) {
			text.append("\nRecording: ").append(recordingUrl);
		}
		if (notes != null && !notes.isEmpty()) {
			text.append("\n\nNotes:\n").append(notes);
		}
		return text.toString();
	}

	static String duration(Integer seconds) {
		if (seconds == null) {
			return "unknown";
		}
		return seconds >= 3600 ? "%d h %02d min %02d s".formatted(seconds / 3600, seconds % 3600 / 60, seconds % 60)
				: "%d min %02d s".formatted(seconds / 60, seconds % 60);
	}

	private CallRecord row(ResultSet rs, int n) throws SQLException {
		UUID ticketId = rs.getObject("ticket_id", UUID.class);
		Timestamp logged = rs.getTimestamp("logged_at");
		Integer duration = rs.getObject("duration_seconds", Integer.class);
		return new CallRecord(rs.getObject("id", UUID.class), rs.getObject("inbox_id", UUID.class),
				rs.getString("call_id"), ticketId, this.tickets.find(ticketId).map(TicketView::number).orElse(null),
				rs.getObject("customer_id", UUID.class), rs.getString("caller_number"), rs.getString("caller_name"),
				rs.getString("direction"), rs.getTimestamp("started_at").toInstant(), duration, rs.getString("notes"),
				rs.getString("recording_url"), rs.getObject("agent_id", UUID.class),
				rs.getObject("message_id", UUID.class), logged == null ? null : logged.toInstant());
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
