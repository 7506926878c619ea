package io.walletdesk.identity.web;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.PendingSecondFactor;
import io.walletdesk.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The last step of a console sign-in, once the second factor is proven: swaps the pending
 * authentication for a full one under a new session id, and sends the agent where they
 * wanted to go.
 */
@Component
class SignInCompletion {

	private final SignIn signIn;

	private final SecurityContextRepository contexts;

	private final RequestCache requests = new HttpSessionRequestCache();

	SignInCompletion(SignIn signIn, SecurityContextRepository contexts) {
		this.signIn = signIn;
		this.contexts = contexts;
	}

	/**
	 * The agent owing the second factor in this session.
	 * @throws IllegalStateException when the session holds no pending sign-in (the
	 * security configuration admits only such sessions to the two-factor pages)
	 */
	static AgentPrincipal pendingAgent(Authentication authentication) {
		if (authentication instanceof PendingSecondFactor pending) {
			return pending.getPrincipal();
		}
		throw new IllegalStateException("No sign-in is waiting for a second factor");
	}

	/**
	 * Signs the agent in for good.
	 * @return the view name redirecting to the saved request, or to the inbox
	 */
	String complete(AgentPrincipal pending, HttpServletRequest request, HttpServletResponse response) {
		AgentPrincipal agent = this.signIn.principal(pending.id());
		agent.eraseCredentials();
		Authentication full = UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities());
		// A new session id: whoever learnt the id of the half-signed-in session gains
		// nothing.
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(full);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.signIn.recordSuccess(agent.id());
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return "redirect:" + saved.getRedirectUrl();
		}
		return "redirect:/";
	}

	/**
	 * Drops a pending sign-in (after a lockout), so the agent starts again from the
	 * password.
	 */
	String abandon(HttpServletRequest request, HttpServletResponse response, String target) {
		SecurityContext empty = SecurityContextHolder.createEmptyContext();
		SecurityContextHolder.setContext(empty);
		this.contexts.saveContext(empty, request, response);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:" + target;
	}

	boolean isLocked(AgentPrincipal agent) {
		return !this.signIn.principal(agent.id()).isAccountNonLocked();
	}

}
