package io.walletdesk.routing.web;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.routing.Presence;
import io.walletdesk.routing.RoutingManagement;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The presence switch in the console's top bar: the agent sets online, away or offline,
 * and while the console is open it sends a heartbeat every minute, so inactivity (a
 * closed or forgotten console) makes the agent away and then offline.
 */
@Controller
class PresenceConsole {

	private final RoutingManagement routing;

	PresenceConsole(RoutingManagement routing) {
		this.routing = routing;
	}

	@GetMapping("/routing/presence")
	String show(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
		return fragment(this.routing.presence(agent.id()), model);
	}

	@PostMapping("/routing/presence")
	String set(@RequestParam String state, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
		Presence presence;
		try {
			presence = Presence.fromId(state);
		}
		catch (InvalidInputException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		return fragment(this.routing.setPresence(agent.id(), presence), model);
	}

	@PostMapping("/routing/heartbeat")
	String heartbeat(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
		return fragment(this.routing.heartbeat(agent.id()), model);
	}

	private static String fragment(Presence presence, Model model) {
		model.addAttribute("presence", presence.id());
		model.addAttribute("states", java.util.Arrays.stream(Presence.values()).map(Presence::id).toList());
		return "routing/presence :: presence";
	}

}
