package io.walletdesk.channel.phone;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The call log for agents and integrations: log a call into the caller's conversation,
 * list the calls of a customer or a ticket.
 */
@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "Calls")
class CallsApi {

	private final CallLog calls;

	private final TicketManagement tickets;

	CallsApi(CallLog calls, TicketManagement tickets) {
		this.calls = calls;
		this.tickets = tickets;
	}

	@PostMapping
	@Operation(summary = "Log a phone call into the caller's open conversation (or a new phone ticket)",
			description = "The caller is identified by the number, brought into E.164 form. The call is stored as an "
					+ "internal note by the agent; notes pass the secret scanner like every message.")
	ResponseEntity<CallRecord> log(@RequestBody LogCallRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
		if (request.ticketId() != null) {
			this.tickets.find(request.ticketId()).ifPresent(ticket -> TicketAccess.check(agent, ticket));
		}
		CallRecord call = this.calls.log(new NewCall(request.inboxId(), request.callerNumber(), request.callerName(),
				request.direction(), request.startedAt(), request.durationSeconds(), request.notes(),
				request.recordingUrl(), request.ticketId()), Actor.agent(agent.id(), agent.displayName()));
		return ResponseEntity.created(URI.create("/api/v1/calls/" + call.id())).body(call);
	}

	@GetMapping
	@Operation(summary = "Logged calls of a customer or a ticket, newest first (only tickets the agent may see)")
	List<CallRecord> list(@Parameter(description = "the caller") @RequestParam(required = false) UUID customerId,
			@Parameter(description = "the ticket the calls were logged into") @RequestParam(
					required = false) UUID ticketId,
			@RequestParam(defaultValue = "50") int limit, @AuthenticationPrincipal AgentPrincipal agent) {
		if (customerId == null && ticketId == null) {
			throw new InvalidInputException("customerId", "customerId or ticketId is required");
		}
		if (limit < 1 || limit > 200) {
			throw new InvalidInputException("limit", "must be between 1 and 200");
		}
		if (ticketId != null) {
			TicketAccess.check(agent, this.tickets.get(ticketId));
		}
		return this.calls.list(customerId, ticketId, limit)
			.stream()
			.filter(call -> this.tickets.find(call.ticketId())
				.map(ticket -> TicketAccess.canSee(agent, ticket))
				.orElse(false))
			.toList();
	}

	/**
	 * A call to log. Validated as a whole by {@link CallLog#problems}, so one answer
	 * names every wrong field.
	 */
	record LogCallRequest(@Schema(description = "the phone inbox, if the call came through one") UUID inboxId,
			@Schema(description = "E.164, or with 00; national numbers only with the inbox's defaultCountryCode",
					example = "+86 138 1234 5678") String callerNumber,
			String callerName, @Schema(allowableValues = {
					"inbound", "outbound" }) String direction,
			@Schema(description = "default: now") Instant startedAt,
			@Schema(minimum = "0", maximum = "86400") Integer durationSeconds, String notes,
			@Schema(description = "https only") String recordingUrl,
			@Schema(description = "log into this ticket instead of the caller's current conversation") UUID ticketId){
	}

}
