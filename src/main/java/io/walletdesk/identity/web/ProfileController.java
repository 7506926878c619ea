package io.walletdesk.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.GroupView;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignIn;
import io.walletdesk.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's own page: who they are, their console language, and their authenticator
 * (set up, or switch off where their role allows it).
 */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private final AgentManagement agents;

	private final SignIn signIn;

	private final TotpEnrolments enrolments;

	ProfileController(AgentManagement agents, SignIn signIn, TotpEnrolments enrolments) {
		this.agents = agents;
		this.signIn = signIn;
		this.enrolments = enrolments;
	}

	@GetMapping
	String show(@AuthenticationPrincipal AgentPrincipal me, Model model) {
		populate(me, model);
		return "profile/show";
	}

	@GetMapping("/two-factor")
	String enrolForm(@AuthenticationPrincipal AgentPrincipal me, HttpSession session, Model model) {
		if (load(me).twoFactorEnabled()) {
			return "redirect:/profile";
		}
		model.addAttribute("enrolment", this.enrolments.current(session, me.id()));
		return "profile/two-factor";
	}

	@PostMapping("/two-factor")
	String confirmEnrolment(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(defaultValue = "") String code,
			HttpSession session, HttpServletResponse response, Model model) {
		TotpEnrolments.Pending pending = this.enrolments.find(session, me.id());
		if (pending == null || load(me).twoFactorEnabled()) {
			return "redirect:/profile";
		}
		Optional<List<String>> codes = this.signIn.completeEnrolment(me.id(), pending.secret(), code);
		if (codes.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("enrolment", pending);
			model.addAttribute("invalid", true);
			return "profile/two-factor";
		}
		this.enrolments.clear(session);
		model.addAttribute("codes", codes.get());
		return "profile/two-factor";
	}

	@PostMapping("/two-factor/disable")
	String disable(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(defaultValue = "") String code,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		AgentView agent = load(me);
		if (mustKeepTwoFactor(agent)) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("disableError", "required");
			populate(me, model);
			return "profile/show";
		}
		// Proving the current code keeps a borrowed, unlocked screen from switching the
		// factor off.
		if (!agent.twoFactorEnabled() || !this.signIn.verifySecondFactor(me.id(), code)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("disableError", "invalid");
			populate(me, model);
			return "profile/show";
		}
		this.signIn.disableTwoFactor(me.id());
		redirect.addFlashAttribute("notice", "disabled");
		return "redirect:/profile";
	}

	private void populate(AgentPrincipal me, Model model) {
		AgentView agent = load(me);
		Map<UUID, String> groupNames = this.agents.groups()
			.stream()
			.collect(Collectors.toMap(GroupView::id, GroupView::name));
		model.addAttribute("agent", agent);
		model.addAttribute("groupNames",
				agent.groupIds().stream().map(groupNames::get).filter(name -> name != null).sorted().toList());
		model.addAttribute("roles", agent.roles().stream().sorted().map(role -> role.name().toLowerCase()).toList());
		model.addAttribute("twoFactorRequired", mustKeepTwoFactor(agent));
		model.addAttribute("preferredLanguage", me.language());
	}

	private static boolean mustKeepTwoFactor(AgentView agent) {
		return agent.roles().stream().anyMatch(Role::requiresTwoFactor);
	}

	private AgentView load(AgentPrincipal me) {
		return this.agents.find(me.id()).orElseThrow(() -> new NotFoundException("Agent", me.id()));
	}

}
