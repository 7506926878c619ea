package io.walletdesk.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The password page. The form posts to Spring Security's {@code /login}; failures come
 * back as {@code ?error} or {@code ?locked}, signing out as {@code ?signedOut}.
 */
@Controller
class SignInController {

	@GetMapping("/login")
	String login() {
		if (SignedInAgentModel.signedIn() != null) {
			return "redirect:/";
		}
		return "signin/login";
	}

}
