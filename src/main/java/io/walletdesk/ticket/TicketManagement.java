package io.walletdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomersMerged;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.platform.PayloadTooLargeException;

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

	private final Clock clock;

	TicketManagement(Tickets tickets, Messages messages, TicketChanges changes, Attachments attachments,
			AgentManagement agents, CustomerManagement customers, TicketSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.messages = messages;
		this.changes = changes;
		this.attachments = attachments;
		this.agents = agents;
		this.customers = customers;
		this.settings = settings;
		this.events = events;
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
		if (command.externalId() != null) {
			Optional<Message> seen = this.messages.findByExternalId(command.channel(), command.externalId());
			if (seen.isPresent()) {
				return load(seen.get().ticketId()).toView();
			}
		}
		Body body = body(command.body(), command.bodyHtml());
		checkAttachments(command.attachments());
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
		Actor requester = Actor.customer(command.requesterId(),
				this.customers.get(command.requesterId()).displayName());
		Ticket ticket = new Ticket(this.tickets.nextNumber(), subject(command.subject(), body.text()),
				command.channel(), command.requesterId(), command.priority(), command.category(), command.tags(),
				command.openedBy(), now);
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
		attach(message, command.attachments(), now);
		this.messages.save(message);
		this.changes.saveAll(ticket.drainChanges());
		TicketView view = ticket.toView();
		this.events.publishEvent(new TicketOpened(ticket.id(), view.number(), command.channel(), command.requesterId(),
				view.priority(), view.groupId()));
		this.events.publishEvent(new MessageReceived(ticket.id(), message.id(), command.channel(), true));
		return view;
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
		Ticket ticket = load(ticketId);
		if (command.externalId() != null) {
			Optional<Message> seen = this.messages.findByExternalId(command.channel(), command.externalId());
			if (seen.isPresent()) {
				return seen.get().toView();
			}
		}
		Body body = body(command.body(), command.bodyHtml());
		checkAttachments(command.attachments());
		Instant now = this.clock.instant();
		Instant receivedAt = command.receivedAt() == null ? now : command.receivedAt();
		Actor author = command.author();
		switch (author.kind()) {
			case CUSTOMER -> ticket.customerWrote(author, receivedAt);
			case AGENT, BOT, SYSTEM -> {
				if (command.visibility() == Visibility.PUBLIC) {
					ticket.agentReplied(author, receivedAt);
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
		attach(message, command.attachments(), now);
		this.messages.save(message);
		this.changes.saveAll(ticket.drainChanges());
		if (author.kind() == AuthorKind.CUSTOMER) {
			this.events.publishEvent(new MessageReceived(ticket.id(), message.id(), command.channel(), false));
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
		Ticket ticket = load(ticketId);
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
		List<TicketChange> recorded = ticket.drainChanges();
		this.changes.saveAll(recorded);
		this.tickets.saveAndFlush(ticket);
		if (!recorded.isEmpty()) {
			Set<String> fields = new LinkedHashSet<>();
			recorded.forEach(change -> fields.add(change.field()));
			this.events.publishEvent(new TicketChanged(ticket.id(), fields, ticket.assigneeId(), ticket.groupId()));
		}
		return ticket.toView();
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

	private Body body(String text, String html) {
		String sanitized = html == null || html.isBlank() ? null : HtmlBodies.sanitize(html);
		String plain = text != null && !text.isBlank() ? text : sanitized == null ? null : HtmlBodies.toText(html);
		if (plain == null || plain.isBlank()) {
			throw new InvalidInputException("body", "must not be blank");
		}
		if (plain.length() > this.settings.maxBodyChars()
				|| (sanitized != null && sanitized.length() > 4 * this.settings.maxBodyChars())) {
			throw new PayloadTooLargeException(
					"The message is longer than " + this.settings.maxBodyChars() + " characters.");
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

	private Ticket load(UUID ticketId) {
		return this.tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
	}

	private record Body(String text, String html) {
	}

	/**
	 * An attachment's bytes for download.
	 */
	public record AttachmentContent(String fileName, String contentType, byte[] content) {
	}

}
