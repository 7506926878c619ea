package io.walletdesk.triage.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.Role;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.Sentiment;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.triage.TriageManagement;
import io.walletdesk.triage.TriageManagement.Correction;
import io.walletdesk.triage.TriageManagement.ModelStatus;
import io.walletdesk.triage.TriageManagement.TicketTriage;
import io.walletdesk.triage.TriageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Triage over the API: preview a text, read a ticket's triage, correct it, see the live
 * model and retrain it.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Triage")
class TriageApi {

	private final TriageManagement triage;

	private final TicketManagement tickets;

	TriageApi(TriageManagement triage, TicketManagement tickets) {
		this.triage = triage;
		this.tickets = tickets;
	}

	@PostMapping("/triage")
	@Operation(summary = "Triage a text without storing anything (secrets are redacted first)")
	TriageResult preview(@Valid @RequestBody PreviewRequest request) {
		if (request.channel() != null) {
			Channel.fromId(request.channel());
		}
		return this.triage.preview(request.text());
	}

	@GetMapping("/tickets/{id}/triage")
	@Operation(summary = "The triage of the ticket's latest triaged customer message")
	TicketTriage ticketTriage(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		TicketAccess.check(agent, this.tickets.get(id));
		return this.triage.latest(id).orElseThrow(() -> new NotFoundException("triage of ticket", id));
	}

	@PostMapping("/tickets/{id}/triage/corrections")
	@Operation(summary = "Correct category, priority or sentiment; the message becomes a training example")
	TicketView correct(@PathVariable UUID id, @RequestBody CorrectionRequest request,
			@AuthenticationPrincipal AgentPrincipal agent) {
		TicketAccess.check(agent, this.tickets.get(id));
		Correction correction = new Correction(request.category() == null ? null : Category.fromId(request.category()),
				request.priority() == null ? null : Priority.fromId(request.priority()),
				request.sentiment() == null ? null : Sentiment.fromId(request.sentiment()));
		if (correction.isEmpty()) {
			throw new InvalidInputException("category", "give at least one of category, priority, sentiment");
		}
		return this.triage.correct(id, correction, Actor.agent(agent.id(), agent.displayName()));
	}

	@GetMapping("/triage/model")
	@Operation(summary = "The live triage model, its scores and the recent candidates")
	ModelStatus model() {
		return this.triage.status();
	}

	@PostMapping("/triage/model/retrain")
	@Operation(summary = "Retrain now (supervisors and admins); the candidate goes live only if not worse")
	ResponseEntity<Map<String, Object>> retrain(@AuthenticationPrincipal AgentPrincipal agent) {
		if (!mayRetrain(agent)) {
			throw new AccessDeniedException("Retraining is for supervisors and admins");
		}
		if (!this.triage.retrainNow()) {
			throw new IllegalStateException("Retraining is already running");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("retraining", true));
	}

	/** Retraining changes what every agent sees, so it is for supervisors and admins. */
	static boolean mayRetrain(AgentPrincipal agent) {
		return agent.hasRole(Role.SUPERVISOR) || agent.hasRole(Role.ADMIN);
	}

	record PreviewRequest(@NotBlank @Size(max = 20000) String text, @Size(max = 32) String channel) {
	}

	record CorrectionRequest(String category, String priority, String sentiment) {
	}

}
