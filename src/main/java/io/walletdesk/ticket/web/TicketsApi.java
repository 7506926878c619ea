package io.walletdesk.ticket.web;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.platform.Page;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.NewAttachment;
import io.walletdesk.ticket.OpenTicket;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.ReplyDeliveryStates;
import io.walletdesk.ticket.SlaTimers;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketFilter;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketQueries;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionTemplate;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketsApi {

	private static final Set<String> PATCHABLE = Set.of("status", "priority", "category", "assigneeId", "groupId",
			"tags");

	private final TicketManagement tickets;

	private final TicketQueries queries;

	private final CustomerManagement customers;

	private final TransactionTemplate transaction;

	private final ObjectProvider<ReplyDeliveryStates> deliveries;

	private final ObjectProvider<SlaTimers> timers;

	TicketsApi(TicketManagement tickets, TicketQueries queries, CustomerManagement customers,
			TransactionTemplate transaction, ObjectProvider<ReplyDeliveryStates> deliveries,
			ObjectProvider<SlaTimers> timers) {
		this.deliveries = deliveries;
		this.timers = timers;
		this.tickets = tickets;
		this.queries = queries;
		this.customers = customers;
		this.transaction = transaction;
	}

	@PostMapping
	@Operation(summary = "Open a ticket with the customer's first message")
	ResponseEntity<TicketView> open(@Valid @RequestBody OpenTicketRequest request,
			@AuthenticationPrincipal AgentPrincipal agent) {
		Channel channel = request.channel() == null ? Channel.API : Channel.fromId(request.channel());
		Priority priority = request.priority() == null ? null : Priority.fromId(request.priority());
		Category category = request.category() == null ? null : Category.fromId(request.category());
		List<NewAttachment> attachments = attachments(request.attachments());
		// One transaction for the requester and the ticket: a rejected ticket leaves no
		// stray customer.
		TicketView ticket = this.transaction.execute(status -> this.tickets
			.open(new OpenTicket(requester(request.requester()), request.subject(), request.body(), request.bodyHtml(),
					channel, request.externalId(), null, priority, category, request.tags(), request.groupId(),
					request.assigneeId(), attachments, Actor.agent(agent.id(), agent.displayName()))));
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.id())).body(ticket);
	}

	@GetMapping
	@Operation(summary = "List tickets with filters and cursor pagination")
	Page<TicketView> list(@RequestParam(required = false) List<String> status,
			@RequestParam(required = false) List<String> priority, @RequestParam(required = false) String category,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) UUID group,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String tag,
			@RequestParam(required = false) UUID requester, @RequestParam(required = false) String q,
			@RequestParam(required = false) String createdFrom, @RequestParam(required = false) String createdTo,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit,
			@Parameter(description = "`newest` (default) or `queue`: priority, security incidents first,"
					+ " nearest service-level deadline, longest (sentiment-weighted) wait") @RequestParam(
							defaultValue = "newest") String order,
			@AuthenticationPrincipal AgentPrincipal agent) {
		TicketFilter.Order sorting = switch (order) {
			case "newest" -> TicketFilter.Order.NEWEST;
			case "queue" -> TicketFilter.Order.URGENT_FIRST;
			default -> throw new InvalidInputException("order", "must be newest or queue");
		};
		UUID assigneeId = null;
		boolean unassigned = false;
		if ("none".equals(assignee)) {
			unassigned = true;
		}
		else if ("me".equals(assignee)) {
			assigneeId = agent.id();
		}
		else if (assignee != null) {
			assigneeId = uuid("assignee", assignee);
		}
		TicketFilter filter = new TicketFilter(ids(status, TicketStatus::fromId, TicketStatus.class),
				ids(priority, Priority::fromId, Priority.class), category == null ? null : Category.fromId(category),
				assigneeId, unassigned, group, channel == null ? null : Channel.fromId(channel), tag, requester, q,
				instant("createdFrom", createdFrom), instant("createdTo", createdTo), sorting);
		return this.queries.list(filter, agent, cursor, limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A ticket with its messages and change history",
			description = "Public replies of a ticket that came through a channel carry their delivery state.")
	TicketDetails get(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		TicketAccess.check(agent, this.tickets.get(id));
		TicketView.Details details = this.tickets.details(id);
		ReplyDeliveryStates states = this.deliveries.getIfAvailable();
		ReplyDeliveryStates.Deliveries deliveries = states == null ? ReplyDeliveryStates.Deliveries.NONE
				: states.ofTicket(id);
		SlaTimers slaTimers = this.timers.getIfAvailable();
		SlaTimers.SlaStatus sla = slaTimers == null ? null : slaTimers.ofTicket(id).orElse(null);
		return new TicketDetails(details.ticket(),
				details.messages()
					.stream()
					.map(message -> new MessageWithDelivery(message, Delivery.of(deliveries.of(message))))
					.toList(),
				details.history(), sla);
	}

	/**
	 * A ticket with its conversation, each message with its delivery where it has one.
	 */
	record TicketDetails(TicketView ticket, List<MessageWithDelivery> messages, List<TicketView.Change> history,
			SlaTimers.SlaStatus sla) {
	}

	/**
	 * A message and, for public replies of channel tickets, its delivery (null
	 * otherwise).
	 */
	record MessageWithDelivery(@JsonUnwrapped TicketView.MessageView message,
			@JsonInclude(JsonInclude.Include.NON_NULL) Delivery delivery) {
	}

	/**
	 * @param state {@code queued}, {@code sending}, {@code sent}, {@code delivered},
	 * {@code read} or {@code failed}
	 */
	record Delivery(String state, int attempts, String lastError, Instant sentAt, Instant deliveredAt, Instant readAt) {

		static Delivery of(ReplyDeliveryStates.DeliveryState state) {
			return state == null ? null : new Delivery(state.state(), state.attempts(), state.lastError(),
					state.sentAt(), state.deliveredAt(), state.readAt());
		}

	}

	@PostMapping("/{id}/messages")
	@Operation(summary = "Post a public reply or an internal note")
	ResponseEntity<TicketView.MessageView> post(@PathVariable UUID id, @Valid @RequestBody PostMessageRequest request,
			@AuthenticationPrincipal AgentPrincipal agent) {
		TicketAccess.check(agent, this.tickets.get(id));
		Visibility visibility = request.visibility() == null ? Visibility.PUBLIC
				: Visibility.fromId(request.visibility());
		TicketView.MessageView message = this.tickets.post(id,
				new PostMessage(Actor.agent(agent.id(), agent.displayName()), visibility, request.body(),
						request.bodyHtml(), Channel.API, null, null, attachments(request.attachments()),
						request.status() == null ? null : TicketStatus.fromId(request.status()),
						Boolean.TRUE.equals(request.confirmLinks())));
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/messages/" + message.id())).body(message);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change status, priority, category, assignee, group or tags")
	TicketView change(@PathVariable UUID id, @RequestBody Map<String, Object> body,
			@AuthenticationPrincipal AgentPrincipal agent) {
		TicketAccess.check(agent, this.tickets.get(id));
		for (String key : body.keySet()) {
			if (!PATCHABLE.contains(key)) {
				throw new InvalidInputException(key, "cannot be changed; allowed: " + PATCHABLE);
			}
		}
		ChangeTicket change = new ChangeTicket(
				body.containsKey("status") ? TicketStatus.fromId(text(body, "status", false)) : null,
				body.containsKey("priority") ? Priority.fromId(text(body, "priority", false)) : null,
				body.containsKey("category") ? Optional.ofNullable(text(body, "category", true)).map(Category::fromId)
						: null,
				body.containsKey("assigneeId")
						? Optional.ofNullable(text(body, "assigneeId", true)).map(v -> uuid("assigneeId", v)) : null,
				body.containsKey("groupId")
						? Optional.ofNullable(text(body, "groupId", true)).map(v -> uuid("groupId", v)) : null,
				body.containsKey("tags") ? tags(body.get("tags")) : null);
		return this.tickets.change(id, change, Actor.agent(agent.id(), agent.displayName()));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download an attachment")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
			@AuthenticationPrincipal AgentPrincipal agent) {
		TicketAccess.check(agent, this.tickets.get(id));
		TicketManagement.AttachmentContent content = this.tickets.attachment(id, attachmentId)
			.orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.content());
	}

	private UUID requester(RequesterInput requester) {
		if (requester.customerId() != null) {
			return this.customers.get(requester.customerId()).id();
		}
		if (requester.email() != null && !requester.email().isBlank()) {
			return this.customers.identify(IdentityKind.EMAIL, requester.email(), requester.name(),
					requester.language());
		}
		if (requester.phone() != null && !requester.phone().isBlank()) {
			return this.customers.identify(IdentityKind.PHONE, requester.phone(), requester.name(),
					requester.language());
		}
		throw new InvalidInputException("requester", "needs a customerId, an email or a phone number");
	}

	private static List<NewAttachment> attachments(List<AttachmentInput> inputs) {
		List<NewAttachment> result = new ArrayList<>();
		if (inputs == null) {
			return result;
		}
		for (int i = 0; i < inputs.size(); i++) {
			AttachmentInput input = inputs.get(i);
			try {
				result.add(new NewAttachment(input.fileName(), input.contentType(),
						Base64.getMimeDecoder().decode(input.contentBase64())));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("attachments[" + i + "].contentBase64", "is not valid base64");
			}
		}
		return result;
	}

	private static <E extends Enum<E>> Set<E> ids(Collection<String> values,
			java.util.function.Function<String, E> parse, Class<E> type) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		Set<E> result = EnumSet.noneOf(type);
		values.stream()
			.flatMap(value -> java.util.Arrays.stream(value.split(",")))
			.map(String::trim)
			.filter(v -> !v.isEmpty())
			.map(parse)
			.forEach(result::add);
		return result;
	}

	private static Instant instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
		}
	}

	private static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "is not a valid id");
		}
	}

	private static String text(Map<String, Object> body, String field, boolean nullable) {
		Object value = body.get(field);
		if (value == null) {
			if (nullable) {
				return null;
			}
			throw new InvalidInputException(field, "must not be null");
		}
		if (!(value instanceof String text)) {
			throw new InvalidInputException(field, "must be a string");
		}
		return text;
	}

	private static Set<String> tags(Object value) {
		if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
			throw new InvalidInputException("tags", "must be a list of strings");
		}
		Set<String> tags = new LinkedHashSet<>();
		list.forEach(item -> tags.add((String) item));
		if (tags.stream().anyMatch(tag -> tag.length() > 50)) {
			throw new InvalidInputException("tags", "each tag must be at most 50 characters");
		}
		return tags;
	}

	record RequesterInput(UUID customerId, @Size(max = 200) String name, @Email @Size(max = 254) String email,
			@Size(max = 40) String phone, @Size(max = 16) String language) {
	}

	record AttachmentInput(@NotBlank @Size(max = 255) String fileName, @NotBlank String contentType,
			@NotNull String contentBase64) {
	}

	record OpenTicketRequest(@NotNull @Valid RequesterInput requester, @Size(max = 300) String subject, String body,
			String bodyHtml, String channel, String priority, String category, Set<@Size(max = 50) String> tags,
			UUID groupId, UUID assigneeId, @Size(max = 255) String externalId,
			@Valid @Size(max = 20) List<AttachmentInput> attachments) {
	}

	record PostMessageRequest(String body, String bodyHtml, String visibility, String status,
			@Valid @Size(max = 20) List<AttachmentInput> attachments, Boolean confirmLinks) {
	}

}
