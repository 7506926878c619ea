package io.walletdesk.ticket.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.safety.SafetyGuidance;
import io.walletdesk.ticket.LinkConfirmationRequiredException;
import io.walletdesk.ticket.ReplyBlockedException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.platform.PayloadTooLargeException;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.ReplyDeliveryStates;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketFilter;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketQueries;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * One ticket in the console: the conversation, the reply box, the controls, the customer
 * and the history. Each part is a named fragment that htmx fetches again after a change
 * or a live notice. An agent who may not see the ticket gets 403 and nothing of it.
 */
@Controller
@RequestMapping("/tickets/{id}")
class TicketPageController {

	private static final Set<TicketStatus> REPLY_STATUSES = EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING,
			TicketStatus.ON_HOLD, TicketStatus.SOLVED);

	private final TicketManagement tickets;

	private final TicketQueries queries;

	private final ConsoleViews views;

	private final MessageSource messages;

	private final SafetyGuidance guidance;

	private final CustomerManagement customers;

	private final ObjectProvider<ReplyDeliveryStates> deliveries;

	TicketPageController(TicketManagement tickets, TicketQueries queries, ConsoleViews views, MessageSource messages,
			SafetyGuidance guidance, CustomerManagement customers, ObjectProvider<ReplyDeliveryStates> deliveries) {
		this.deliveries = deliveries;

		this.guidance = guidance;
		this.customers = customers;
		this.tickets = tickets;
		this.queries = queries;
		this.views = views;
		this.messages = messages;
	}

	@GetMapping
	String show(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal viewer, Model model) {
		populate(id, viewer, model);
		return "tickets/show";
	}

	@GetMapping("/header")
	String header(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal viewer, Model model) {
		populate(id, viewer, model);
		return "tickets/show :: ticket-header";
	}

	@GetMapping("/timeline")
	String timeline(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal viewer, Model model) {
		populate(id, viewer, model);
		return "tickets/show :: timeline";
	}

	@GetMapping("/controls")
	String controls(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal viewer, Model model) {
		populate(id, viewer, model);
		return "tickets/show :: controls";
	}

	@GetMapping("/history")
	String history(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal viewer, Model model) {
		populate(id, viewer, model);
		return "tickets/show :: history";
	}

	@PostMapping("/messages")
	String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "public") String visibility,
			@RequestParam(required = false) String statusAfter,
			@RequestParam(defaultValue = "false") boolean confirmLinks, @AuthenticationPrincipal AgentPrincipal viewer,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		TicketAccess.check(viewer, this.tickets.get(id));
		String error;
		HttpStatus status;
		try {
			this.tickets.post(id,
					new PostMessage(Actor.agent(viewer.id(), viewer.displayName()), Visibility.fromId(visibility), body,
							null, Channel.CONSOLE, null, null, List.of(), status(statusAfter), confirmLinks));
			if (!isHtmx(request)) {
				return "redirect:/tickets/" + id;
			}
			populate(id, viewer, model);
			return "tickets/show :: after-reply";
		}
		catch (ReplyBlockedException ex) {
			error = message(request, "reply.error.blocked") + " " + String.join(" ",
					ex.reasons().stream().map(reason -> message(request, "reply.blocked." + reason)).toList());
			status = HttpStatus.UNPROCESSABLE_CONTENT;
		}
		catch (LinkConfirmationRequiredException ex) {
			error = message(request, "reply.error.links") + " " + String.join(", ", ex.links());
			model.addAttribute("linksToConfirm", ex.links());
			status = HttpStatus.CONFLICT;
		}
		catch (InvalidInputException ex) {
			error = message(request,
					"body".equals(ex.fields().get(0).field()) ? "reply.error.blank" : "reply.error.invalid");
			status = HttpStatus.UNPROCESSABLE_CONTENT;
		}
		catch (PayloadTooLargeException ex) {
			error = message(request, "reply.error.too-long");
			status = HttpStatus.UNPROCESSABLE_CONTENT;
		}
		catch (IllegalStateException | OptimisticLockingFailureException ex) {
			error = message(request, "reply.error.conflict");
			status = HttpStatus.CONFLICT;
		}
		if (!isHtmx(request)) {
			redirect.addFlashAttribute("replyError", error);
			return "redirect:/tickets/" + id;
		}
		// The error belongs under the reply box, not in the timeline the form targets.
		response.setStatus(status.value());
		response.setHeader("HX-Retarget", "#reply-error");
		response.setHeader("HX-Reswap", "innerHTML");
		model.addAttribute("replyError", error);
		return "tickets/show :: reply-error";
	}

	/**
	 * Applies the fields the agent changed. The form also posts what it showed
	 * ({@code shown.*}): a field still at its shown value was not touched, and is left
	 * alone even when someone else changed it meanwhile, rather than set back.
	 */
	@PostMapping("/change")
	String change(@PathVariable UUID id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal AgentPrincipal viewer, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		TicketView ticket = TicketAccess.check(viewer, this.tickets.get(id));
		String error = null;
		HttpStatus failure = HttpStatus.CONFLICT;
		TicketStatus target = status(touched(form, "status"));
		String priority = touched(form, "priority");
		String category = touched(form, "category");
		String assignee = touched(form, "assignee");
		String group = touched(form, "group");
		if (target != null && target != ticket.status() && !ticket.status().next().contains(target)) {
			error = message(request, "ticket.error.status-move", label(request, "status." + ticket.status().id()),
					label(request, "status." + target.id()));
		}
		else {
			try {
				ChangeTicket command = changes(ticket, target, priority, category, assignee, group);
				if (command != null) {
					this.tickets.change(id, command, Actor.agent(viewer.id(), viewer.displayName()));
				}
			}
			catch (InvalidInputException ex) {
				error = message(request, "ticket.error.invalid");
				failure = HttpStatus.UNPROCESSABLE_CONTENT;
			}
			catch (OptimisticLockingFailureException ex) {
				error = message(request, "ticket.error.concurrent");
			}
			catch (IllegalStateException ex) {
				error = message(request, "ticket.error.conflict", ticket.number());
			}
		}
		boolean stillVisible = TicketAccess.canSee(viewer, this.tickets.get(id));
		if (!isHtmx(request)) {
			if (error != null) {
				redirect.addFlashAttribute("changeError", error);
			}
			return stillVisible ? "redirect:/tickets/" + id : "redirect:/";
		}
		if (!stillVisible) {
			// Moved to a group the agent is not in: the page would only show 403 now.
			response.setHeader("HX-Redirect", "/");
			return "tickets/show :: empty";
		}
		if (error != null) {
			response.setStatus(failure.value());
			model.addAttribute("changeError", error);
		}
		populate(id, viewer, model);
		return "tickets/show :: after-change";
	}

	/**
	 * Sends a failed reply again at once (supervisors, admins and the ticket's assignee);
	 * the retry is audited.
	 */
	@PostMapping("/messages/{messageId}/retry-delivery")
	String retryDelivery(@PathVariable UUID id, @PathVariable UUID messageId,
			@AuthenticationPrincipal AgentPrincipal viewer, HttpServletRequest request, Model model) {
		TicketView ticket = TicketAccess.check(viewer, this.tickets.get(id));
		if (!mayRetryDelivery(viewer, ticket)) {
			throw new AccessDeniedException("Only supervisors and the assignee may retry a delivery");
		}
		ReplyDeliveryStates states = this.deliveries.getIfAvailable();
		if (states == null) {
			throw new NotFoundException("Delivery", messageId);
		}
		states.retryNow(id, messageId, Actor.agent(viewer.id(), viewer.displayName()));
		if (!isHtmx(request)) {
			return "redirect:/tickets/" + id;
		}
		populate(id, viewer, model);
		return "tickets/show :: timeline";
	}

	@ExceptionHandler(IllegalStateException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict() {
		return "error/4xx";
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(InvalidInputException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest() {
		return "error/4xx";
	}

	private void populate(UUID id, AgentPrincipal viewer, Model model) {
		TicketAccess.check(viewer, this.tickets.get(id));
		TicketView.Details details = this.tickets.details(id);
		TicketView ticket = details.ticket();
		ConsoleViews.Names names = this.views.names(viewer);
		model.addAttribute("ticket", ticket);
		model.addAttribute("row", this.views.row(ticket, names));
		model.addAttribute("entries", this.views.timeline(details.messages(), deliveries(id), names));
		model.addAttribute("mayRetryDelivery", mayRetryDelivery(viewer, ticket));
		model.addAttribute("history", this.views.history(details.history(), names));
		model.addAttribute("customer", this.views.customer(ticket.requesterId(), names));
		model.addAttribute("otherTickets", this.views.rows(otherTickets(ticket, viewer), names));
		model.addAttribute("statuses", statusOptions(ticket.status()));
		model.addAttribute("replyStatuses", replyStatusOptions(ticket.status()));
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("agents", this.views.assignableAgents());
		model.addAttribute("groups", this.views.groups());
		model.addAttribute("closed", ticket.status() == TicketStatus.CLOSED);
		model.addAttribute("topic", "/topic/tickets/" + ticket.id());
		model.addAttribute("guidance", guidance(details));
	}

	/**
	 * Merges another customer record (found by e-mail address or phone number) into this
	 * ticket's requester: their identities and tickets move here.
	 */
	@PostMapping("/merge-customer")
	String mergeCustomer(@PathVariable UUID id, @RequestParam String other,
			@AuthenticationPrincipal AgentPrincipal viewer, RedirectAttributes redirect) {
		TicketView ticket = TicketAccess.check(viewer, this.tickets.get(id));
		String handle = other.trim();
		IdentityKind kind = handle.contains("@") ? IdentityKind.EMAIL : IdentityKind.PHONE;
		java.util.Optional<UUID> found = this.customers.findByIdentity(kind, handle);
		if (found.isEmpty()) {
			redirect.addFlashAttribute("mergeError", "customer.merge.notFound");
		}
		else if (found.get().equals(ticket.requesterId())) {
			redirect.addFlashAttribute("mergeError", "customer.merge.same");
		}
		else {
			this.customers.merge(ticket.requesterId(), found.get());
		}
		return "redirect:/tickets/" + id;
	}

	/**
	 * Safety guidance snippets in the language WalletDesk answers this customer in, ready
	 * to insert into the reply.
	 */
	private List<Snippet> guidance(TicketView.Details details) {
		String language = this.tickets.replyLanguage(details.ticket().id());
		return this.guidance.keys()
			.stream()
			.sorted()
			.map(key -> new Snippet(key, this.guidance.get(key, language)))
			.toList();
	}

	record Snippet(String key, String text) {
	}

	private ReplyDeliveryStates.Deliveries deliveries(UUID ticketId) {
		ReplyDeliveryStates states = this.deliveries.getIfAvailable();
		return states == null ? ReplyDeliveryStates.Deliveries.NONE : states.ofTicket(ticketId);
	}

	private static boolean mayRetryDelivery(AgentPrincipal viewer, TicketView ticket) {
		return viewer.seesAllTickets() || viewer.id().equals(ticket.assigneeId());
	}

	private List<TicketView> otherTickets(TicketView ticket, AgentPrincipal viewer) {
		TicketFilter filter = new TicketFilter(null, null, null, null, false, null, null, null, ticket.requesterId(),
				null, null, null, TicketFilter.Order.NEWEST);
		return this.queries.list(filter, viewer, null, 11)
			.items()
			.stream()
			.filter(other -> !other.id().equals(ticket.id()))
			.limit(10)
			.toList();
	}

	/** The current status and those it may move to, in the order of the lifecycle. */
	private static List<TicketStatus> statusOptions(TicketStatus current) {
		return Arrays.stream(TicketStatus.values())
			.filter(status -> status == current || current.next().contains(status))
			.toList();
	}

	/**
	 * Where a reply may take the ticket. A public reply opens a new ticket first, so a
	 * new ticket may go anywhere an open one may.
	 */
	private static List<TicketStatus> replyStatusOptions(TicketStatus current) {
		Set<TicketStatus> reachable = current == TicketStatus.NEW ? EnumSet.allOf(TicketStatus.class) : current.next();
		return REPLY_STATUSES.stream().filter(reachable::contains).toList();
	}

	/**
	 * Only what differs from the ticket, so an untouched field is not recorded as set by
	 * an agent.
	 */
	private static ChangeTicket changes(TicketView ticket, TicketStatus status, String priority, String category,
			String assignee, String group) {
		TicketStatus newStatus = status != null && status != ticket.status() ? status : null;
		Priority newPriority = blank(priority) ? null : Priority.fromId(priority);
		if (newPriority == ticket.priority()) {
			newPriority = null;
		}
		Optional<Category> newCategory = category == null ? null
				: Optional.ofNullable(blank(category) ? null : Category.fromId(category));
		if (newCategory != null && Objects.equals(newCategory.orElse(null), ticket.category())) {
			newCategory = null;
		}
		Optional<UUID> newAssignee = assignee == null ? null : Optional.ofNullable(uuid("assignee", assignee));
		if (newAssignee != null && Objects.equals(newAssignee.orElse(null), ticket.assigneeId())) {
			newAssignee = null;
		}
		Optional<UUID> newGroup = group == null ? null : Optional.ofNullable(uuid("group", group));
		if (newGroup != null && Objects.equals(newGroup.orElse(null), ticket.groupId())) {
			newGroup = null;
		}
		if (newStatus == null && newPriority == null && newCategory == null && newAssignee == null
				&& newGroup == null) {
			return null;
		}
		return new ChangeTicket(newStatus, newPriority, newCategory, newAssignee, newGroup, null);
	}

	/** The posted value of a field, or null when it is the value the form showed. */
	private static String touched(Map<String, String> form, String field) {
		String value = form.get(field);
		String shown = form.get("shown." + field);
		return value != null && value.equals(shown) ? null : value;
	}

	private static TicketStatus status(String id) {
		return blank(id) ? null : TicketStatus.fromId(id);
	}

	private static UUID uuid(String field, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "is not a valid id");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static boolean isHtmx(HttpServletRequest request) {
		return request.getHeader("HX-Request") != null;
	}

	private String message(HttpServletRequest request, String key, Object... args) {
		return this.messages.getMessage(key, args, locale(request));
	}

	private String label(HttpServletRequest request, String key) {
		return this.messages.getMessage(key, null, key, locale(request));
	}

	private static Locale locale(HttpServletRequest request) {
		return RequestContextUtils.getLocale(request);
	}

}
