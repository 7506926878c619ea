package io.walletdesk.channel.widget;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.walletdesk.channel.ChannelIntake;
import io.walletdesk.channel.DeliveryReports;
import io.walletdesk.channel.InboundMessage;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.IntakeResult;
import io.walletdesk.channel.OfficeHours;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomerView;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.AgentTyping;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.CustomerTyping;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the widget's REST endpoints and live session do: visitor sessions, the visitor's
 * conversation, messages into {@link ChannelIntake}, typing and receipts, and pushes to
 * the visitor's queue. A visitor's conversation is the channel thread keyed by the
 * visitor id, so it continues the open ticket like every other channel.
 */
@Service
class WebChat {

	static final String KIND = Channel.WEB_CHAT.id();

	static final String EXPECTED_RESPONSE_PROPERTY = "walletdesk.channel.expected-response";

	static final int MAX_TEXT = 5000;

	static final int HISTORY = 50;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Logger log = LoggerFactory.getLogger(WebChat.class);

	private final InboxManagement inboxes;

	private final ChannelIntake intake;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final DeliveryReports reports;

	private final VisitorTokens tokens;

	private final JdbcClient jdbc;

	private final VisitorQueue queue;

	private final ApplicationEventPublisher events;

	private final Environment environment;

	private final Clock clock;

	WebChat(InboxManagement inboxes, ChannelIntake intake, TicketManagement tickets, CustomerManagement customers,
			DeliveryReports reports, VisitorTokens tokens, JdbcClient jdbc, VisitorQueue queue,
			ApplicationEventPublisher events, Environment environment, Clock clock) {
		this.inboxes = inboxes;
		this.intake = intake;
		this.tickets = tickets;
		this.customers = customers;
		this.reports = reports;
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.queue = queue;
		this.events = events;
		this.environment = environment;
		this.clock = clock;
	}

	/**
	 * @throws NotFoundException unless an enabled web chat inbox has this public key
	 */
	InboxView inbox(String publicKey) {
		return this.inboxes.byPublicKey(publicKey)
			.filter(inbox -> KIND.equals(inbox.kind()) && inbox.enabled())
			.orElseThrow(() -> new NotFoundException("Web chat inbox", publicKey));
	}

	/**
	 * The visitor id of a token for this inbox.
	 * @throws VisitorTokenRejectedException for a missing, invalid or foreign token
	 */
	UUID visitor(InboxView inbox, String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw new VisitorTokenRejectedException("Authorization: Bearer <visitor token> is required.");
		}
		return this.tokens.verify(authorization.substring(7).trim(), inbox.id());
	}

	Config config(InboxView inbox, String lang) {
		Locale locale = Locale.forLanguageTag(language(lang, inbox));
		Map<String, String> settings = inbox.settings();
		OfficeHours hours;
		try {
			hours = OfficeHours.parse(settings.get("officeHours"), settings.get("timeZone"));
		}
		catch (InvalidInputException ex) {
			// An operator's typo must not take the chat down; the inbox then counts as
			// always open, and the log says why.
			log.warn("Inbox {} has unreadable office hours or time zone: {}", inbox.id(), ex.getMessage());
			hours = OfficeHours.always();
		}
		Instant now = this.clock.instant();
		boolean zh = "zh".equals(locale.getLanguage());
		String greeting = Optional.ofNullable(settings.get(zh ? "greetingZh" : "greetingEn"))
			.or(() -> Optional.ofNullable(settings.get("greeting")))
			.filter(text -> !text.isBlank())
			.orElse(zh ? "您好！请问有什么可以帮您？" : "Hi! How can we help?");
		return new Config(inbox.name(), locale.getLanguage(), hours.isOpen(now), hours.zone().getId(),
				hours.describe(locale), hours.nextOpening(now).orElse(null), expectedResponse(settings).toSeconds(),
				greeting);
	}

	private Duration expectedResponse(Map<String, String> settings) {
		String minutes = settings.get("expectedResponseMinutes");
		if (minutes != null && minutes.matches("\\s*\\d{1,5}\\s*")) {
			return Duration.ofMinutes(Long.parseLong(minutes.trim()));
		}
		return this.environment.getProperty(EXPECTED_RESPONSE_PROPERTY, Duration.class, Duration.ofMinutes(5));
	}

	private static String language(String requested, InboxView inbox) {
		if (requested != null && !requested.isBlank()) {
			String lang = requested.trim().toLowerCase(Locale.ROOT);
			if (lang.startsWith("zh")) {
				return "zh";
			}
			if (lang.startsWith("en")) {
				return "en";
			}
			throw new InvalidInputException("lang", "must be zh or en");
		}
		return "zh".equals(inbox.settings().get("language")) ? "zh" : "en";
	}

	/**
	 * Starts or resumes a visitor session.
	 * @throws VisitorTokenRejectedException for a token that is not valid for this inbox
	 * @throws InvalidInputException for a name, e-mail or language out of shape
	 */
	@Transactional
	Session start(InboxView inbox, String visitorToken, String name, String email, String language) {
		String cleanName = name(name);
		String cleanEmail = email(email);
		String cleanLanguage = null;
		if (language != null && !language.isBlank()) {
			if (!language.trim().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*") || language.trim().length() > 16) {
				throw new InvalidInputException("language", "must be a language tag such as zh or en");
			}
			cleanLanguage = language.trim();
		}
		UUID visitorId = visitorToken == null || visitorToken.isBlank() ? UUID.randomUUID()
				: this.tokens.verify(visitorToken, inbox.id());
		remember(inbox.id(), visitorId, cleanName, cleanEmail, cleanLanguage);
		return new Session(this.tokens.issue(inbox.id(), visitorId), visitorId, messages(inbox.id(), visitorId, null));
	}

	/**
	 * Records the visitor as a customer (identity {@code web_visitor}) and what they told
	 * about themselves. The e-mail address is kept as unverified information only: anyone
	 * can type someone else's address, so it never joins the visitor to the customer who
	 * owns that address.
	 */
	private UUID remember(UUID inboxId, UUID visitorId, String name, String email, String language) {
		// Until they give a name, agents see a short, recognisable label rather than an
		// id.
		String shown = name != null ? name : "Web visitor " + visitorId.toString().substring(0, 8);
		UUID customerId = this.customers.identify(IdentityKind.WEB_VISITOR, visitorId.toString(), shown, language);
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into channel_widget_visitor (id, inbox_id, customer_id, name, email, language, created_at,
				                                    updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do update set name = coalesce(excluded.name, channel_widget_visitor.name),
				    email = coalesce(excluded.email, channel_widget_visitor.email),
				    language = coalesce(excluded.language, channel_widget_visitor.language),
				    updated_at = excluded.updated_at""")
			.params(visitorId, inboxId, customerId, name, email, language, now, now)
			.update();
		if (name != null || email != null) {
			CustomerView customer = this.customers.get(customerId);
			String note = email == null ? null : "E-mail given in web chat (not verified): " + email;
			String notes = note == null || customer.notes().contains(note) ? null
					: (customer.notes().isBlank() ? note : customer.notes() + "\n" + note);
			this.customers.update(customer.id(), name, null, null, null, notes, List.of());
		}
		return customerId;
	}

	/**
	 * Records the name and e-mail a visitor gave. Committed on its own, before the
	 * message that comes with them, so intake (which reads the customer with plain SQL)
	 * already sees the name.
	 * @throws InvalidInputException for a name or e-mail out of shape
	 */
	@Transactional
	void introduce(UUID inboxId, UUID visitorId, String name, String email) {
		String cleanName = name(name);
		String cleanEmail = email(email);
		if (cleanName != null || cleanEmail != null) {
			remember(inboxId, visitorId, cleanName, cleanEmail, null);
		}
	}

	/**
	 * Takes a visitor's message through intake; a repeated client message id is answered
	 * with the first result.
	 * @throws InvalidInputException for a client message id that is not a UUID, or an
	 * empty or too long text
	 */
	@Transactional
	Ack send(UUID inboxId, UUID visitorId, String clientMessageId, String text) {
		UUID clientId = clientMessageId(clientMessageId);
		if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
			throw new InvalidInputException("text", "must be 1 to " + MAX_TEXT + " characters");
		}
		Visitor visitor = findVisitor(visitorId).filter(found -> found.inboxId().equals(inboxId)).orElse(null);
		if (visitor == null) {
			remember(inboxId, visitorId, null, null, null);
			visitor = findVisitor(visitorId).orElseThrow();
		}
		IntakeResult result = this.intake.receive(
				new InboundMessage(inboxId, clientId.toString(), visitorId.toString(), null, IdentityKind.WEB_VISITOR,
						visitorId.toString(), visitor.name(), visitor.language(), null, text, null, List.of(), null));
		TicketView.MessageView stored = this.tickets.message(result.messageId()).orElseThrow();
		return new Ack(clientId.toString(), result.messageId(), result.ticketNumber(), stored.body(),
				stored.receivedAt(), result.duplicate());
	}

	/**
	 * The visitor's conversation, public messages only, oldest first: the newest
	 * {@value #HISTORY}, or those after {@code after} when that is one of them.
	 */
	@Transactional(readOnly = true)
	List<WidgetMessage> messages(UUID inboxId, UUID visitorId, UUID after) {
		List<UUID> ticketIds = this.jdbc.sql("""
				select ticket_id from channel_thread where inbox_id = ? and thread_key = ?
				order by created_at desc limit 10""").params(inboxId, visitorId.toString()).query(UUID.class).list();
		List<TicketView.MessageView> all = new ArrayList<>();
		for (UUID ticketId : ticketIds) {
			this.tickets.details(ticketId)
				.messages()
				.stream()
				.filter(message -> message.visibility() == Visibility.PUBLIC)
				.forEach(all::add);
		}
		all.sort(Comparator.comparing(TicketView.MessageView::receivedAt).thenComparing(m -> m.id().toString()));
		List<WidgetMessage> newest = all.subList(Math.max(0, all.size() - HISTORY), all.size())
			.stream()
			.map(message -> toWidget(inboxId, message))
			.toList();
		if (after != null) {
			for (int i = 0; i < newest.size(); i++) {
				if (newest.get(i).messageId().equals(after)) {
					return newest.subList(i + 1, newest.size());
				}
			}
		}
		return newest;
	}

	static WidgetMessage toWidget(UUID inboxId, TicketView.MessageView message) {
		boolean customer = message.authorKind() == AuthorKind.CUSTOMER;
		String prefix = inboxId + ":";
		String clientId = customer && message.externalId() != null && message.externalId().startsWith(prefix)
				? message.externalId().substring(prefix.length()) : null;
		String author = customer ? "customer" : message.authorKind() == AuthorKind.SYSTEM ? "system" : "agent";
		return new WidgetMessage(message.id(), clientId, author, message.authorName(), message.body(),
				message.receivedAt(), customer ? "sent" : null);
	}

	/** Tells the agents on the visitor's open ticket that the visitor is (not) typing. */
	void typing(UUID inboxId, UUID visitorId, boolean typing) {
		currentTicket(inboxId, visitorId)
			.ifPresent(ticketId -> this.events.publishEvent(new CustomerTyping(ticketId, typing)));
	}

	/**
	 * Records that the visitor's device received ({@code read == false}) or the visitor
	 * read an agent's reply; replies of other visitors are ignored.
	 * @return whether the state changed
	 */
	@Transactional
	boolean receipt(UUID inboxId, UUID visitorId, UUID messageId, boolean read) {
		boolean theirs = this.jdbc.sql("""
				select count(*) from channel_delivery d join channel_thread t on t.ticket_id = d.ticket_id
				where d.message_id = ? and t.inbox_id = ? and t.thread_key = ?""")
			.params(messageId, inboxId, visitorId.toString())
			.query(Integer.class)
			.single() > 0;
		if (!theirs) {
			return false;
		}
		Instant now = this.clock.instant();
		return read ? this.reports.read(messageId, now) : this.reports.delivered(messageId, now);
	}

	/** Shows the visitor that an agent is (not) typing on their ticket. */
	@EventListener
	void on(AgentTyping event) {
		this.intake.threadOf(event.ticketId())
			.filter(thread -> this.inboxes.find(thread.inboxId()).map(inbox -> KIND.equals(inbox.kind())).orElse(false))
			.ifPresent(thread -> {
				Map<String, Object> push = new LinkedHashMap<>();
				push.put("type", "typing");
				push.put("typing", event.typing());
				push(thread.threadKey(), push);
			});
	}

	void push(String visitorId, Object payload) {
		this.queue.push(visitorId, payload);
	}

	private Optional<UUID> currentTicket(UUID inboxId, UUID visitorId) {
		return this.jdbc.sql("""
				select ticket_id from channel_thread where inbox_id = ? and thread_key = ?
				order by created_at desc limit 1""")
			.params(inboxId, visitorId.toString())
			.query(UUID.class)
			.optional()
			.filter(ticketId -> this.tickets.find(ticketId)
				.map(ticket -> ticket.status() != TicketStatus.CLOSED)
				.orElse(false));
	}

	private Optional<Visitor> findVisitor(UUID visitorId) {
		return this.jdbc.sql("select inbox_id, name, language from channel_widget_visitor where id = ?")
			.param(visitorId)
			.query((rs, n) -> new Visitor(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.optional();
	}

	static UUID clientMessageId(String value) {
		try {
			if (value != null && value.length() == 36) {
				return UUID.fromString(value);
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw new InvalidInputException("clientMessageId", "must be a UUID");
	}

	private static String name(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		if (name.trim().length() > 100) {
			throw new InvalidInputException("name", "must be at most 100 characters");
		}
		return name.trim();
	}

	private static String email(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		String trimmed = email.trim();
		if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
			throw new InvalidInputException("email", "must be an e-mail address");
		}
		return trimmed;
	}

	record Visitor(UUID inboxId, String name, String language) {
	}

	/**
	 * What the widget shows before the chat starts.
	 *
	 * @param open whether the inbox is within office hours now
	 * @param officeHours the hours as lines in the requested language
	 * @param nextOpenAt when the next office hours begin, while closed
	 */
	record Config(String name, String language, boolean open, String timeZone, List<String> officeHours,
			Instant nextOpenAt, long expectedResponseSeconds, String greeting) {
	}

	record Session(String visitorToken, UUID visitorId, List<WidgetMessage> messages) {
	}

	/**
	 * @param text the message as stored, with secrets redacted
	 * @param duplicate the message was received before under this client id
	 */
	record Ack(String clientMessageId, UUID messageId, String ticketNumber, String text, Instant at,
			boolean duplicate) {

		Map<String, Object> asPush() {
			Map<String, Object> push = new LinkedHashMap<>();
			push.put("type", "ack");
			push.put("clientMessageId", this.clientMessageId);
			push.put("messageId", this.messageId);
			push.put("ticketNumber", this.ticketNumber);
			push.put("text", this.text);
			push.put("at", this.at);
			push.put("duplicate", this.duplicate);
			return push;
		}

	}

}
