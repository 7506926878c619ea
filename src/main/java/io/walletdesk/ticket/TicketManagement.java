package io.walletdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.audit.AuditLog;
import io.walletdesk.customer.CustomersMerged;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.platform.PayloadTooLargeException;
import io.walletdesk.safety.GuardVerdict;
import io.walletdesk.safety.OutgoingGuard;
import io.walletdesk.safety.SafetyGuidance;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening tickets, posting messages and changing tickets: the ticket module's public
 * face. Every change is recorded in the ticket's history and announced as an event after
 * it is stored.
 */
@Service
public class TicketManagement {

	private final Tickets tickets;

	private final Messages messages;

	private final TicketChanges changes;

	private final Attachments attachments;

	private final AgentManagement agents;

	private final CustomerManagement customers;

	private final TicketSettings settings;

	private final ApplicationEventPublisher events;

	private final MessageSafety safety;

	private final OutgoingGuard guard;

	private final SafetyGuidance guidance;

	private final AuditLog audit;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entityManager;

	TicketManagement(Tickets tickets, Messages messages, TicketChanges changes, Attachments attachments,
			AgentManagement agents, CustomerManagement customers, TicketSettings settings,
			ApplicationEventPublisher events, MessageSafety safety, OutgoingGuard guard, SafetyGuidance guidance,
			AuditLog audit, Clock clock) {
		this.tickets = tickets;
		this.messages = messages;
		this.changes = changes;
		this.attachments = attachments;
		this.agents = agents;
		this.customers = customers;
		this.settings = settings;
		this.events = events;
		this.safety = safety;
		this.guard = guard;
		this.guidance = guidance;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens a ticket with the customer's first message. When the channel's message id was
	 * seen before, nothing new is stored and the existing ticket is returned, so channel
	 * retries are harmless.
	 * @throws InvalidInputException for an unknown assignee or group, or an empty message
	 * @throws PayloadTooLargeException for an over-long body or attachment
	 */
	@Transactional
	public TicketView open(OpenTicket command) {
		return openWithMessage(command).ticket();
	}

	/**
	 * Like {@link #open(OpenTicket)}, also telling the id of the stored first message.
	 */
	@Transactional
	public Opened openWithMessage(OpenTicket command) {
		if (command.externalId() != null) {
			Optional<Message> seen = this.messages.findByExternalId(command.channel(), command.externalId());
			if (seen.isPresent()) {
				return new Opened(load(seen.get().ticketId()).toView(), seen.get().id());
			}
		}
		checkSize(command.body(), command.bodyHtml());
		checkAttachments(command.attachments());
		CustomerManagement.Profile requesterProfile = this.customers.profile(command.requesterId());
		// Secrets are removed here, before the message reaches the database, a log, an
		// event or an index.
		MessageSafety.Cleaned cleaned = this.safety.clean(command.subject(), command.body(), command.bodyHtml(),
				command.attachments(), requesterProfile.walletAddresses());
		Body body = body(cleaned.text(), cleaned.html());
		if (command.subject() != null && command.subject().length() > 300) {
			throw new InvalidInputException("subject", "must be at most 300 characters");
		}
		if (command.assigneeId() != null && !this.agents.exists(command.assigneeId())) {
			throw new InvalidInputException("assigneeId", "is not a known agent");
		}
		if (command.groupId() != null && this.agents.group(command.groupId()).isEmpty()) {
			throw new InvalidInputException("groupId", "is not a known group");
		}
		Instant now = this.clock.instant();
		Instant receivedAt = command.receivedAt() == null ? now : command.receivedAt();
		Actor requester = Actor.customer(command.requesterId(), requesterProfile.displayName());
		Ticket ticket = new Ticket(subject(cleaned.subject(), body.text()), command.channel(), command.requesterId(),
				command.priority(), command.category(), command.tags(), command.openedBy(), now);
		if (command.groupId() != null) {
			ticket.moveToGroup(command.groupId(), command.openedBy(), now);
		}
		if (command.assigneeId() != null) {
			ticket.assign(command.assigneeId(), command.openedBy(), now);
		}
		ticket.customerWrote(requester, receivedAt);
		this.tickets.save(ticket);
		Message message = new Message(ticket.id(), requester, Visibility.PUBLIC, body.text(), body.html(),
				command.channel(), command.externalId(), receivedAt, now);
		attach(message, cleaned.attachments(), now);
		this.messages.save(message);
		protect(ticket, message, requester, cleaned, now);
		this.changes.saveAll(ticket.drainChanges());
		// Other modules continue this transaction with plain JDBC, which must see these
		// rows.
		this.changes.flush();
		TicketView view = ticket.toView();
		this.events.publishEvent(new TicketOpened(ticket.id(), view.number(), command.channel(), command.requesterId(),
				view.priority(), view.groupId()));
		this.events.publishEvent(new MessageReceived(ticket.id(), message.id(), command.channel(), true));
		answerAutomatically(ticket, cleaned, body.text());
		return new Opened(ticket.toView(), message.id());
	}

	/**
	 * The message a channel delivered under this id before, if any.
	 */
	@Transactional(readOnly = true)
	public Optional<MessageRef> findByExternalId(Channel channel, String externalId) {
		return this.messages.findByExternalId(channel, externalId)
			.map(message -> new MessageRef(message.ticketId(), message.id()));
	}

	/**
	 * One message by id, with the ticket it belongs to.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketView.MessageView> message(UUID messageId) {
		return this.messages.findById(messageId).map(Message::toView);
	}

	/**
	 * The stored (redacted) text of a customer message, read alone: for triage, which
	 * needs nothing else of it.
	 * @return the text, or empty when there is no such customer message
	 */
	@Transactional(readOnly = true)
	public Optional<String> customerText(UUID messageId) {
		return this.messages.findBody(messageId, AuthorKind.CUSTOMER);
	}

	/**
	 * Adds a message. A customer message reopens a pending or solved ticket; an agent's
	 * first public reply is the first response. A message whose channel id was seen
	 * before is not stored again.
	 * @throws IllegalStateException when the ticket is closed, or the requested status
	 * move is not allowed
	 */
	@Transactional
	public TicketView.MessageView post(UUID ticketId, PostMessage command) {
		Ticket ticket = loadForUpdate(ticketId);
		if (command.externalId() != null) {
			Optional<Message> seen = this.messages.findByExternalId(command.channel(), command.externalId());
			if (seen.isPresent()) {
				return seen.get().toView();
			}
		}
		checkSize(command.body(), command.bodyHtml());
		checkAttachments(command.attachments());
		Actor author = command.author();
		if (author.kind() != AuthorKind.CUSTOMER && command.visibility() == Visibility.PUBLIC) {
			guardOutgoing(ticket, command);
		}
		MessageSafety.Cleaned cleaned = this.safety.clean(null, command.body(), command.bodyHtml(),
				command.attachments(), this.customers.walletAddresses(ticket.requesterId()));
		Body body = body(cleaned.text(), cleaned.html());
		Instant now = this.clock.instant();
		Instant receivedAt = command.receivedAt() == null ? now : command.receivedAt();
		switch (author.kind()) {
			case CUSTOMER -> ticket.customerWrote(author, receivedAt);
			case AGENT, BOT, SYSTEM -> {
				if (command.visibility() == Visibility.PUBLIC && author.kind() == AuthorKind.AGENT) {
					ticket.agentReplied(author, receivedAt);
				}
				else if (command.visibility() == Visibility.PUBLIC) {
					ticket.automaticReplySent(now);
				}
				else {
					ticket.noteAdded(now);
				}
				if (command.statusAfter() != null) {
					ticket.moveTo(command.statusAfter(), author, now);
				}
			}
		}
		Message message = new Message(ticket.id(), author, command.visibility(), body.text(), body.html(),
				command.channel(), command.externalId(), receivedAt, now);
		attach(message, cleaned.attachments(), now);
		this.messages.save(message);
		if (author.kind() == AuthorKind.CUSTOMER) {
			protect(ticket, message, author, cleaned, now);
		}
		this.changes.saveAll(ticket.drainChanges());
		this.changes.flush();
		if (author.kind() == AuthorKind.CUSTOMER) {
			this.events.publishEvent(new MessageReceived(ticket.id(), message.id(), command.channel(), false));
			answerAutomatically(ticket, cleaned, body.text());
		}
		else {
			this.events.publishEvent(new ReplyPosted(ticket.id(), message.id(), author.kind(), command.visibility()));
		}
		return message.toView();
	}

	/**
	 * Changes status, priority, category, assignee, group or tags.
	 * @throws IllegalStateException when the status move is not allowed or the ticket is
	 * closed
	 * @throws InvalidInputException for an unknown assignee or group
	 */
	@Transactional
	public TicketView change(UUID ticketId, ChangeTicket command, Actor actor) {
		Ticket ticket = loadForUpdate(ticketId);
		Instant now = this.clock.instant();
		if (command.assigneeId() != null && command.assigneeId().isPresent()
				&& !this.agents.exists(command.assigneeId().get())) {
			throw new InvalidInputException("assigneeId", "is not a known agent");
		}
		if (command.groupId() != null && command.groupId().isPresent()
				&& this.agents.group(command.groupId().get()).isEmpty()) {
			throw new InvalidInputException("groupId", "is not a known group");
		}
		if (command.priority() != null) {
			ticket.prioritize(command.priority(), actor, now);
		}
		if (command.category() != null) {
			ticket.categorize(command.category().orElse(null), actor, now);
		}
		if (command.groupId() != null) {
			ticket.moveToGroup(command.groupId().orElse(null), actor, now);
		}
		if (command.assigneeId() != null) {
			ticket.assign(command.assigneeId().orElse(null), actor, now);
		}
		if (command.tags() != null) {
			ticket.retag(command.tags(), actor, now);
		}
		if (command.status() != null) {
			ticket.moveTo(command.status(), actor, now);
		}
		return saveChanges(ticket, false);
	}

	/**
	 * Applies triage labels to a ticket (see {@link TriageLabels} for which fields it may
	 * change) and publishes {@link TicketChanged} with the changed fields and
	 * {@code triage}.
	 * @throws NotFoundException when there is no such ticket
	 */
	@Transactional
	public TicketView applyTriage(UUID ticketId, TriageLabels labels) {
		Ticket ticket = loadForUpdate(ticketId);
		ticket.takeTriage(labels, this.clock.instant());
		// Announced even when no field changed, so open consoles show the new triage.
		return saveChanges(ticket, true);
	}

	/**
	 * Records how the customer sounds, as an agent judged it (triage no longer changes it
	 * then).
	 * @throws IllegalStateException when the ticket is closed
	 */
	@Transactional
	public TicketView judgeSentiment(UUID ticketId, Sentiment sentiment, Actor actor) {
		Ticket ticket = loadForUpdate(ticketId);
		ticket.judgeSentiment(sentiment, actor, this.clock.instant());
		return saveChanges(ticket, false);
	}

	/**
	 * Stores a changed ticket with its history and publishes {@link TicketChanged} with
	 * the changed fields, plus {@code triage} for a triage result.
	 */
	private TicketView saveChanges(Ticket ticket, boolean triaged) {
		List<TicketChange> recorded = ticket.drainChanges();
		this.changes.saveAll(recorded);
		this.tickets.saveAndFlush(ticket);
		if (!recorded.isEmpty() || triaged) {
			Set<String> fields = new LinkedHashSet<>();
			recorded.forEach(change -> fields.add(change.field()));
			if (triaged) {
				fields.add("triage");
			}
			this.events.publishEvent(new TicketChanged(ticket.id(), fields, ticket.assigneeId(), ticket.groupId()));
		}
		return ticket.toView();
	}

	/**
	 * Records the ticket's next service-level deadline (null when no target is running),
	 * which orders the queue after priority. Not a change an agent made, so neither the
	 * history nor an event mentions it.
	 */
	@Transactional
	public void recordSlaDeadline(UUID ticketId, Instant dueAt) {
		this.entityManager.createNativeQuery("update ticket set sla_due_at = ?1 where id = ?2")
			.setParameter(1, dueAt == null ? null : java.sql.Timestamp.from(dueAt))
			.setParameter(2, ticketId)
			.executeUpdate();
	}

	@Transactional(readOnly = true)
	public Optional<TicketView> find(UUID ticketId) {
		return this.tickets.findById(ticketId).map(Ticket::toView);
	}

	/**
	 * @throws NotFoundException when there is no such ticket
	 */
	@Transactional(readOnly = true)
	public TicketView get(UUID ticketId) {
		return load(ticketId).toView();
	}

	@Transactional(readOnly = true)
	public TicketView.Details details(UUID ticketId) {
		Ticket ticket = load(ticketId);
		return new TicketView.Details(ticket.toView(),
				this.messages.findByTicket(ticketId).stream().map(Message::toView).toList(),
				this.changes.findByTicket(ticketId).stream().map(TicketChange::toView).toList());
	}

	@Transactional(readOnly = true)
	public Optional<AttachmentContent> attachment(UUID ticketId, UUID attachmentId) {
		return this.attachments.findContent(ticketId, attachmentId)
			.map(row -> new AttachmentContent(row.getFileName(), row.getContentType(), row.getContent()));
	}

	/**
	 * Tickets of a merged customer follow them to the surviving record.
	 */
	@EventListener
	void on(CustomersMerged event) {
		Instant now = this.clock.instant();
		for (Ticket ticket : this.tickets.findByRequesterId(event.mergedId())) {
			ticket.changeRequester(event.survivorId(), Actor.system(), now);
			this.changes.saveAll(ticket.drainChanges());
		}
	}

	/**
	 * Size limits apply to what the customer sent, before redaction changes its length.
	 */
	private void checkSize(String text, String html) {
		int limit = this.settings.maxBodyChars();
		if ((text != null && text.length() > limit) || (html != null && html.length() > 4 * limit)) {
			throw new PayloadTooLargeException("The message is longer than " + limit + " characters.");
		}
	}

	/**
	 * A customer message that held secrets makes the ticket an urgent security incident
	 * (unless an agent already chose another category) and is audited by kind of secret;
	 * lookalike links are flagged on the message for the agent.
	 */
	private void protect(Ticket ticket, Message message, Actor customer, MessageSafety.Cleaned cleaned, Instant now) {
		if (!cleaned.lookalikes().isEmpty()) {
			message.warnAbout(cleaned.lookalikes()
				.stream()
				.map(link -> new TicketView.LinkWarning(link.url(), link.reason().code(), link.resembles()))
				.toList());
			this.audit.record("phishing_link", customer.kind().id(), customer.id(), customer.name(), ticket.id(),
					String.join(", ", cleaned.lookalikes().stream().map(link -> link.host()).toList()));
		}
		if (!cleaned.hasSecrets()) {
			return;
		}
		Actor system = Actor.system();
		ticket.prioritize(Priority.URGENT, system, now);
		if (!ticket.categorySetByAgent()) {
			ticket.categorize(Category.SECURITY_INCIDENT, system, now);
		}
		this.audit.record("secret_redacted", customer.kind().id(), customer.id(), customer.name(), ticket.id(),
				"removed from message " + message.id() + ": " + cleaned.secretSummary());
		this.events.publishEvent(new SecretsRedacted(ticket.id(), message.id(),
				cleaned.secrets().stream().map(secret -> secret.type().code()).distinct().toList()));
	}

	/**
	 * Tells the customer at once, in their language, that their secret was removed and
	 * what to do now, or warns them about a phishing link (once per ticket).
	 */
	private void answerAutomatically(Ticket ticket, MessageSafety.Cleaned cleaned, String customerText) {
		if (!cleaned.hasSecrets() && cleaned.lookalikes().isEmpty()) {
			return;
		}
		String language = language(ticket.requesterId(), customerText);
		if (cleaned.hasSecrets()) {
			post(ticket.id(), automatic(this.guidance.get(SafetyGuidance.SECRET_REMOVED_REPLY, language)));
		}
		else if (!cleaned.lookalikes().isEmpty()) {
			String warning = this.guidance.get(SafetyGuidance.PHISHING_LINK_WARNING, language);
			boolean warnedBefore = this.messages.findByTicket(ticket.id())
				.stream()
				.anyMatch(m -> m.toView().authorKind() == AuthorKind.SYSTEM && warning.equals(m.toView().body()));
			if (!warnedBefore) {
				post(ticket.id(), automatic(warning));
			}
		}
	}

	private static PostMessage automatic(String text) {
		return new PostMessage(Actor.system(), Visibility.PUBLIC, text, null, Channel.CONSOLE, null, null, List.of(),
				null);
	}

	/**
	 * Every reply, note aside, passes the outgoing guard: requests for secrets, remote
	 * access or "verification" transfers are refused and audited; links to non-official
	 * sites need the agent's confirmation.
	 */
	private void guardOutgoing(Ticket ticket, PostMessage command) {
		String text = command.body() != null && !command.body().isBlank() ? command.body()
				: command.bodyHtml() == null ? "" : HtmlBodies.toText(command.bodyHtml());
		GuardVerdict verdict = this.guard.check(text, language(ticket.requesterId(), text));
		Actor author = command.author();
		if (verdict.blocked()) {
			this.audit.recordIndependently("reply_blocked", author.kind().id(), author.id(), author.name(), ticket.id(),
					"blocked: " + String.join(", ", verdict.reasons()));
			throw new ReplyBlockedException(verdict.reasons());
		}
		List<String> links = verdict.nonOfficialLinks().stream().map(link -> link.url()).distinct().toList();
		if (!links.isEmpty() && author.kind() == AuthorKind.AGENT) {
			if (!command.linksConfirmed()) {
				throw new LinkConfirmationRequiredException(links);
			}
			this.audit.record("unofficial_link_sent", author.kind().id(), author.id(), author.name(), ticket.id(),
					String.join(", ", links));
		}
	}

	/**
	 * The language to answer a ticket's customer in: the one automatic replies use, so
	 * agents' inserted guidance matches them.
	 */
	@Transactional(readOnly = true)
	public String replyLanguage(UUID ticketId) {
		Ticket ticket = load(ticketId);
		String first = this.messages.findByTicket(ticketId)
			.stream()
			.map(Message::toView)
			.filter(message -> message.authorKind() == AuthorKind.CUSTOMER)
			.map(TicketView.MessageView::body)
			.findFirst()
			.orElse("");
		return language(ticket.requesterId(), first);
	}

	/**
	 * The customer's preferred language, else Chinese when they write Chinese, else
	 * English.
	 */
	private String language(UUID customerId, String text) {
		String preferred = this.customers.profile(customerId).preferredLanguage();
		if (preferred != null && !preferred.isBlank()) {
			return preferred.toLowerCase().startsWith("zh") ? "zh" : preferred;
		}
		return text != null
				&& text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
						? "zh" : "en";
	}

	private Body body(String text, String html) {
		String sanitized = html == null || html.isBlank() ? null : HtmlBodies.sanitize(html);
		String plain = text != null && !text.isBlank() ? text : sanitized == null ? null : HtmlBodies.toText(html);
		if (plain == null || plain.isBlank()) {
			throw new InvalidInputException("body", "must not be blank");
		}
		return new Body(plain, sanitized);
	}

	private void checkAttachments(List<NewAttachment> attachments) {
		for (int i = 0; i < attachments.size(); i++) {
			NewAttachment attachment = attachments.get(i);
			if (attachment.content() == null || attachment.fileName() == null || attachment.fileName().isBlank()) {
				throw new InvalidInputException("attachments[" + i + "]", "needs a file name and content");
			}
			if (attachment.content().length > this.settings.attachmentMaxBytes()) {
				throw new PayloadTooLargeException("Attachment " + attachment.fileName() + " is larger than "
						+ this.settings.attachmentMaxBytes() + " bytes.");
			}
			if (!this.settings.attachmentAllowedTypes().contains(attachment.contentType())) {
				throw new InvalidInputException("attachments[" + i + "].contentType",
						"is not an allowed type: " + this.settings.attachmentAllowedTypes());
			}
		}
	}

	private static void attach(Message message, List<NewAttachment> attachments, Instant now) {
		for (NewAttachment attachment : attachments) {
			String name = attachment.fileName().replaceAll("[\\\\/\\p{Cntrl}]", "_");
			message.attach(new Attachment(name.length() > 255 ? name.substring(0, 255) : name, attachment.contentType(),
					attachment.content(), now));
		}
	}

	private static String subject(String subject, String body) {
		if (subject != null && !subject.isBlank()) {
			return subject.strip();
		}
		String firstLine = body.strip().lines().findFirst().orElse("");
		return firstLine.length() > 80 ? firstLine.substring(0, 80) + "…" : firstLine;
	}

	/**
	 * Loads a ticket to change it and holds its row until the transaction ends: intake,
	 * agents and triage change the same tickets concurrently, and without the lock one of
	 * them would fail on the version check. When this transaction already read the
	 * ticket, the row is locked and the ticket re-read, so the change starts from the
	 * committed state.
	 */
	private Ticket loadForUpdate(UUID ticketId) {
		// Hibernate's persistence context tells whether this transaction holds the ticket
		// already: then flush and refresh it under the lock; else one locking select.
		SessionImplementor session = this.entityManager.unwrap(SessionImplementor.class);
		EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(Ticket.class);
		Object held = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(ticketId, persister));
		if (held instanceof Ticket ticket) {
			this.entityManager.flush();
			this.entityManager.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
			return ticket;
		}
		Ticket ticket = this.entityManager.find(Ticket.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
		if (ticket == null) {
			throw new NotFoundException("Ticket", ticketId);
		}
		return ticket;
	}

	private Ticket load(UUID ticketId) {
		return this.tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
	}

	private record Body(String text, String html) {
	}

	/**
	 * A ticket just opened (or found again by its first message's channel id) and that
	 * message.
	 */
	public record Opened(TicketView ticket, UUID messageId) {
	}

	/**
	 * Where a message is stored.
	 */
	public record MessageRef(UUID ticketId, UUID messageId) {
	}

	/**
	 * An attachment's bytes for download.
	 */
	public record AttachmentContent(String fileName, String contentType, byte[] content) {
	}

}
