package io.walletdesk.identity.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second sign-in step: a code from the authenticator app (or a recovery code), or,
 * for supervisors and admins without an authenticator yet, setting one up. Only a session
 * that passed the password step reaches these pages.
 */
@Controller
@RequestMapping("/login/two-factor")
class TwoFactorController {

	private static final String ENROLLED = TwoFactorController.class.getName() + ".enrolled";

	private final SignIn signIn;

	private final SignInCompletion completion;

	private final TotpEnrolments enrolments;

	TwoFactorController(SignIn signIn, SignInCompletion completion, TotpEnrolments enrolments) {
		this.signIn = signIn;
		this.completion = completion;
		this.enrolments = enrolments;
	}

	@GetMapping
	String codeForm() {
		return "signin/two-factor";
	}

	@PostMapping
	String verify(@RequestParam(defaultValue = "") String code, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		AgentPrincipal agent = SignInCompletion.pendingAgent(authentication);
		if (this.signIn.verifySecondFactor(agent.id(), code)) {
			return this.completion.complete(agent, request, response);
		}
		if (this.completion.isLocked(agent)) {
			return this.completion.abandon(request, response, "/login?locked");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("invalid", true);
		return "signin/two-factor";
	}

	@GetMapping("/enrol")
	String enrolForm(Authentication authentication, HttpSession session, Model model) {
		AgentPrincipal agent = SignInCompletion.pendingAgent(authentication);
		model.addAttribute("enrolment", this.enrolments.current(session, agent.id()));
		return "signin/enrol";
	}

	@PostMapping(path = "/enrol", params = "!finish")
	String confirmEnrolment(@RequestParam(defaultValue = "") String code, Authentication authentication,
			HttpSession session, HttpServletResponse response, Model model) {
		AgentPrincipal agent = SignInCompletion.pendingAgent(authentication);
		TotpEnrolments.Pending pending = this.enrolments.find(session, agent.id());
		if (pending == null) {
			return "redirect:/login/two-factor/enrol";
		}
		Optional<List<String>> codes = this.signIn.completeEnrolment(agent.id(), pending.secret(), code);
		if (codes.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("enrolment", pending);
			model.addAttribute("invalid", true);
			return "signin/enrol";
		}
		this.enrolments.clear(session);
		session.setAttribute(ENROLLED, agent.id());
		// Rendered, not redirected to: the codes exist in this response only.
		model.addAttribute("codes", codes.get());
		return "signin/recovery-codes";
	}

	@PostMapping(path = "/enrol", params = "finish")
	String finishEnrolment(Authentication authentication, HttpSession session, HttpServletRequest request,
			HttpServletResponse response) {
		AgentPrincipal agent = SignInCompletion.pendingAgent(authentication);
		if (!(session.getAttribute(ENROLLED) instanceof UUID enrolled) || !enrolled.equals(agent.id())) {
			return "redirect:/login/two-factor/enrol";
		}
		session.removeAttribute(ENROLLED);
		return this.completion.complete(agent, request, response);
	}

}
