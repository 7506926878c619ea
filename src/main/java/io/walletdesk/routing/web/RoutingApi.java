package io.walletdesk.routing.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.Role;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.routing.GroupRule;
import io.walletdesk.routing.Presence;
import io.walletdesk.routing.RoutingManagement;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.TicketView;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routing over the API: the agent's own presence and offers, supervisors' board,
 * capacities and pins, admins' group rules ({@code /api/v1/admin/**} is for admins).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Routing")
class RoutingApi {

	private final RoutingManagement routing;

	RoutingApi(RoutingManagement routing) {
		this.routing = routing;
	}

	@GetMapping("/agents/me/presence")
	@Operation(summary = "The signed-in agent's presence")
	Map<String, Object> presence(@AuthenticationPrincipal AgentPrincipal agent) {
		return Map.of("agentId", agent.id(), "presence", this.routing.presence(agent.id()));
	}

	@PutMapping("/agents/me/presence")
	@Operation(summary = "Set the signed-in agent's presence: online, away or offline")
	Map<String, Object> setPresence(@RequestBody PresenceRequest request,
			@AuthenticationPrincipal AgentPrincipal agent) {
		if (request == null || request.presence() == null) {
			throw new InvalidInputException("presence", "must be one of [online, away, offline]");
		}
		Presence presence = this.routing.setPresence(agent.id(), Presence.fromId(request.presence()));
		return Map.of("agentId", agent.id(), "presence", presence);
	}

	@PostMapping("/agents/me/heartbeat")
	@Operation(summary = "The agent's console is in use: keeps them online (inactivity makes them away, then offline)")
	Map<String, Object> heartbeat(@AuthenticationPrincipal AgentPrincipal agent) {
		return Map.of("agentId", agent.id(), "presence", this.routing.heartbeat(agent.id()));
	}

	@GetMapping("/routing/offers/mine")
	@Operation(summary = "The live chat offered to the signed-in agent, if any")
	ResponseEntity<RoutingManagement.Offer> myOffer(@AuthenticationPrincipal AgentPrincipal agent) {
		return this.routing.openOffer(agent.id())
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/routing/offers/{id}/accept")
	@Operation(summary = "Accept an offered live chat; it is assigned to the agent")
	TicketView accept(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		return this.routing.accept(id, agent);
	}

	@PostMapping("/routing/offers/{id}/decline")
	@Operation(summary = "Decline an offered live chat; it moves on to the next agent")
	ResponseEntity<Void> decline(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		this.routing.decline(id, agent);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/routing/board")
	@Operation(
			summary = "Agents' presence, shift and load against capacity, and waiting tickets per group (supervisors)")
	RoutingManagement.Board board(@AuthenticationPrincipal AgentPrincipal agent) {
		return this.routing.board(agent);
	}

	@PutMapping("/routing/agents/{id}/capacity")
	@Operation(summary = "Override an agent's capacity; null returns to the group default (supervisors)")
	ResponseEntity<Void> capacity(@PathVariable UUID id, @RequestBody CapacityRequest request,
			@AuthenticationPrincipal AgentPrincipal agent) {
		supervisor(agent);
		this.routing.setCapacity(id, request.maxLiveChats(), request.maxOpenTickets());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/tickets/{id}/pin")
	@Operation(summary = "Pin a ticket to an agent (its assignee when none given); never moved automatically")
	TicketView pin(@PathVariable UUID id, @RequestBody(required = false) PinRequest request,
			@AuthenticationPrincipal AgentPrincipal agent) {
		supervisor(agent);
		return this.routing.pin(id, request == null ? null : request.agentId(),
				Actor.agent(agent.id(), agent.displayName()));
	}

	@DeleteMapping("/tickets/{id}/pin")
	@Operation(summary = "Unpin a ticket")
	ResponseEntity<Void> unpin(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		supervisor(agent);
		this.routing.unpin(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/admin/routing/groups/{id}")
	@Operation(summary = "A group's routing rule (admins)")
	GroupRule rule(@PathVariable UUID id) {
		return this.routing.rule(id);
	}

	@PutMapping("/admin/routing/groups/{id}")
	@Operation(summary = "Set a group's routing rule (admins)")
	GroupRule saveRule(@PathVariable UUID id, @RequestBody GroupRuleRequest request) {
		return this.routing.saveRule(new GroupRule(id, request.autoAssign(),
				request.offerTimeoutSeconds() == null ? 30 : request.offerTimeoutSeconds(),
				request.languageMustMatch() == null || request.languageMustMatch(),
				request.assignTicketsDirectly() == null || request.assignTicketsDirectly(),
				new io.walletdesk.routing.Capacity(request.maxLiveChats() == null ? 3 : request.maxLiveChats(),
						request.maxOpenTickets() == null ? 20 : request.maxOpenTickets()),
				request.skills() == null ? Map.of() : skills(request.skills())));
	}

	private static Map<io.walletdesk.ticket.Category, String> skills(Map<String, String> skills) {
		Map<io.walletdesk.ticket.Category, String> parsed = new java.util.EnumMap<>(
				io.walletdesk.ticket.Category.class);
		skills.forEach((category, skill) -> parsed.put(io.walletdesk.ticket.Category.fromId(category), skill));
		return parsed;
	}

	private static void supervisor(AgentPrincipal agent) {
		if (!agent.hasRole(Role.SUPERVISOR) && !agent.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("For supervisors");
		}
	}

	record PresenceRequest(String presence) {
	}

	record CapacityRequest(Integer maxLiveChats, Integer maxOpenTickets) {
	}

	record PinRequest(UUID agentId) {
	}

	record GroupRuleRequest(boolean autoAssign, Integer offerTimeoutSeconds, Boolean languageMustMatch,
			Boolean assignTicketsDirectly, Integer maxLiveChats, Integer maxOpenTickets, Map<String, String> skills) {
	}

}
