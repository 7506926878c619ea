package io.walletdesk.identity.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.ApiTokenView;
import io.walletdesk.identity.IssuedToken;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
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

/**
 * API tokens for admins: the list (prefixes only), issuing one for an agent (its value
 * shown on that one response), and revoking.
 */
@Controller
@RequestMapping("/admin/tokens")
class AdminTokensController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

	private final AgentManagement agents;

	AdminTokensController(AgentManagement agents) {
		this.agents = agents;
	}

	@GetMapping
	String list(Model model) {
		populate(model);
		return "admin/tokens";
	}

	@PostMapping
	String issue(@RequestParam(required = false) UUID agentId, @RequestParam(defaultValue = "") String name,
			Model model, HttpServletResponse response) {
		if (agentId == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", "agent");
		}
		else {
			try {
				IssuedToken issued = this.agents.issueToken(agentId, name);
				// Rendered, not redirected to: the value must not be kept anywhere, not
				// even in a flash.
				model.addAttribute("issued", issued);
			}
			catch (InvalidInputException ex) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				model.addAttribute("error", "name");
			}
		}
		populate(model);
		return "admin/tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		this.agents.revokeToken(id);
		redirect.addFlashAttribute("notice", "revoked");
		return "redirect:/admin/tokens";
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private static String format(Instant instant) {
		return instant == null ? null : TIME.format(instant.atZone(ZoneOffset.UTC));
	}

	private void populate(Model model) {
		Map<UUID, String> names = this.agents.displayNames();
		model.addAttribute("tokens",
				this.agents.tokens()
					.stream()
					.map(token -> new TokenRow(token, format(token.createdAt()), format(token.lastUsedAt())))
					.toList());
		model.addAttribute("agentNames", names);
		model.addAttribute("agents", this.agents.all().stream().filter(AgentView::enabled).toList());
	}

	/**
	 * A token in the list, with its times as shown.
	 */
	record TokenRow(ApiTokenView token, String created, String lastUsed) {
	}

}
