package io.walletdesk.channel.phone;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomerView;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The ticket page's calls panel: a "log a call" form (into this ticket) and the calls of
 * the ticket's customer. The ticket page loads it with htmx from here, so the ticket
 * module knows nothing of the phone channel; problems are shown next to their fields.
 */
@Controller
@RequestMapping("/tickets/{id}/calls")
class CallConsole {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final CallLog calls;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final AgentManagement agents;

	CallConsole(CallLog calls, TicketManagement tickets, CustomerManagement customers, AgentManagement agents) {
		this.calls = calls;
		this.tickets = tickets;
		this.customers = customers;
		this.agents = agents;
	}

	@GetMapping
	String panel(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
		TicketView ticket = TicketAccess.check(agent, this.tickets.get(id));
		CustomerView customer = this.customers.get(ticket.requesterId());
		String number = customer.identities()
			.stream()
			.filter(identity -> identity.kind() == IdentityKind.PHONE)
			.map(CustomerView.Identity::value)
			.findFirst()
			.orElse("");
		CallForm form = new CallForm(number, number.isEmpty() ? "" : customer.displayName(), CallLog.INBOUND, "", "",
				"", "");
		return show(ticket, agent, form, Map.of(), false, model);
	}

	@PostMapping
	String log(@PathVariable UUID id, CallForm form, @AuthenticationPrincipal AgentPrincipal agent,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model) {
		TicketView ticket = TicketAccess.check(agent, this.tickets.get(id));
		Map<String, String> errors = new LinkedHashMap<>();
		Integer duration = form.durationSeconds();
		if (duration == null) {
			errors.put("durationSeconds", "duration");
		}
		NewCall call = new NewCall(null, form.callerNumber(), form.callerName(), form.direction(), null,
				duration == null ? 0 : duration, form.notes(), form.recordingUrl(), ticket.id());
		for (CallProblem problem : this.calls.problems(call)) {
			errors.putIfAbsent(problem.field(), problem.code());
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return show(ticket, agent, form, errors, false, model);
		}
		this.calls.log(call, Actor.agent(agent.id(), agent.displayName()));
		if (htmx == null) {
			return "redirect:/tickets/" + id;
		}
		CallForm fresh = new CallForm(form.callerNumber(), form.callerName(), CallLog.INBOUND, "", "", "", "");
		return show(this.tickets.get(id), agent, fresh, Map.of(), true, model);
	}

	private String show(TicketView ticket, AgentPrincipal agent, CallForm form, Map<String, String> errors,
			boolean logged, Model model) {
		Map<UUID, String> names = this.agents.displayNames();
		List<CallRow> rows = this.calls.list(ticket.requesterId(), ticket.id(), 50)
			.stream()
			.filter(call -> call.ticketId().equals(ticket.id())
					|| this.tickets.find(call.ticketId()).map(other -> TicketAccess.canSee(agent, other)).orElse(false))
			.map(call -> new CallRow(call, WHEN.format(call.startedAt()), call.startedAt().toString(),
					call.durationSeconds() == null ? 0 : call.durationSeconds() / 60,
					call.durationSeconds() == null ? 0 : call.durationSeconds() % 60,
					call.agentId() == null ? null : names.get(call.agentId()), call.ticketId().equals(ticket.id())))
			.toList();
		model.addAttribute("ticket", ticket);
		model.addAttribute("closed", ticket.status() == TicketStatus.CLOSED);
		model.addAttribute("calls", rows);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("logged", logged);
		model.addAttribute("topic", "/topic/tickets/" + ticket.id());
		return "channels/phone/calls :: calls";
	}

	/**
	 * The form as the agent filled it in; the duration in minutes and seconds.
	 */
	record CallForm(String callerNumber, String callerName, String direction, String minutes, String seconds,
			String notes, String recordingUrl) {

		/** The duration in seconds, or null when the fields are not whole numbers. */
		Integer durationSeconds() {
			try {
				int min = CallLog.blank(this.minutes) ? 0 : Integer.parseInt(this.minutes.strip());
				int sec = CallLog.blank(this.seconds) ? 0 : Integer.parseInt(this.seconds.strip());
				if (min < 0 || sec < 0 || sec > 59 || min > CallLog.MAX_DURATION / 60) {
					return null;
				}
				return min * 60 + sec;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	/** A call in the history list. */
	record CallRow(CallRecord call, String at, String atIso, int minutes, int seconds, String agent,
			boolean thisTicket) {
	}

}
