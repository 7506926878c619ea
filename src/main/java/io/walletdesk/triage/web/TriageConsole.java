package io.walletdesk.triage.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.Sentiment;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.triage.TriageManagement;
import io.walletdesk.triage.TriageManagement.Correction;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Triage in the console: the ticket page's triage panel (labels with confidence, the
 * entities, one-click corrections) loaded with htmx, so the ticket module knows nothing
 * of triage; and the model page (live version, scores, candidates, retrain).
 */
@Controller
class TriageConsole {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final TriageManagement triage;

	private final TicketManagement tickets;

	TriageConsole(TriageManagement triage, TicketManagement tickets) {
		this.triage = triage;
		this.tickets = tickets;
	}

	@GetMapping("/tickets/{id}/triage")
	String panel(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
		TicketView ticket = TicketAccess.check(agent, this.tickets.get(id));
		return show(ticket, false, model);
	}

	@PostMapping("/tickets/{id}/triage/corrections")
	String correct(@PathVariable UUID id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String sentiment,
			@AuthenticationPrincipal AgentPrincipal agent, Model model) {
		TicketAccess.check(agent, this.tickets.get(id));
		Correction correction = new Correction(blank(category) ? null : Category.fromId(category),
				blank(priority) ? null : Priority.fromId(priority),
				blank(sentiment) ? null : Sentiment.fromId(sentiment));
		TicketView ticket = correction.isEmpty() ? this.tickets.get(id)
				: this.triage.correct(id, correction, Actor.agent(agent.id(), agent.displayName()));
		return show(ticket, !correction.isEmpty(), model);
	}

	private String show(TicketView ticket, boolean corrected, Model model) {
		model.addAttribute("ticket", ticket);
		model.addAttribute("triage", this.triage.latest(ticket.id()).orElse(null));
		model.addAttribute("live", this.triage.liveModel().orElse(null));
		model.addAttribute("categories", List.of(Category.values()));
		model.addAttribute("priorities", List.of(Priority.values()));
		model.addAttribute("sentiments", List.of(Sentiment.values()));
		model.addAttribute("closed", ticket.status() == TicketStatus.CLOSED);
		model.addAttribute("corrected", corrected);
		model.addAttribute("topic", "/topic/tickets/" + ticket.id());
		return "triage/panel :: panel";
	}

	@GetMapping("/triage/model")
	String modelPage(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
		TriageManagement.ModelStatus status = this.triage.status();
		Map<String, String> trained = new HashMap<>();
		status.recent().forEach(m -> trained.put(m.version(), WHEN.format(m.createdAt())));
		model.addAttribute("status", status);
		model.addAttribute("trained", trained);
		model.addAttribute("canRetrain", TriageApi.mayRetrain(agent));
		return "triage/model";
	}

	@PostMapping("/triage/model/retrain")
	String retrain(@AuthenticationPrincipal AgentPrincipal agent) {
		if (!TriageApi.mayRetrain(agent)) {
			throw new AccessDeniedException("Retraining is for supervisors and admins");
		}
		this.triage.retrainNow();
		return "redirect:/triage/model?retraining";
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
