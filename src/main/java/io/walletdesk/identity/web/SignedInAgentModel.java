package io.walletdesk.identity.web;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.PendingSecondFactor;
import io.walletdesk.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Puts the signed-in agent ({@code me}) and whether they administer ({@code isAdmin})
 * into every rendered page, so the shared layout can show the user menu without each
 * controller passing it.
 */
class SignedInAgentModel implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || isRedirect(page)) {
			return;
		}
		AgentPrincipal agent = signedIn();
		if (agent != null) {
			page.addObject("me", agent);
			page.addObject("isAdmin", agent.hasRole(Role.ADMIN));
			page.addObject("isSupervisor", agent.hasRole(Role.SUPERVISOR) || agent.hasRole(Role.ADMIN));
		}
	}

	/**
	 * The fully signed-in agent, or null (anonymous, or still owing the second factor).
	 */
	static AgentPrincipal signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof PendingSecondFactor) {
			return null;
		}
		return authentication.getPrincipal() instanceof AgentPrincipal agent ? agent : null;
	}

	private static boolean isRedirect(ModelAndView page) {
		return page.getView() instanceof RedirectView
				|| (page.getViewName() != null && page.getViewName().startsWith("redirect:"));
	}

}
