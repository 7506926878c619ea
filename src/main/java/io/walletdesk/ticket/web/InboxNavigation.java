package io.walletdesk.ticket.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.PendingSecondFactor;
import io.walletdesk.ticket.TicketQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The inbox navigation with its counters, added to every full console page (also those of
 * other modules, which render the shared layout without knowing about tickets). Fragment
 * requests from htmx go without it: they do not render the navigation.
 */
@Component
class InboxNavigation implements HandlerInterceptor {

	private final TicketQueries queries;

	private final AgentManagement agents;

	InboxNavigation(TicketQueries queries, AgentManagement agents) {
		this.queries = queries;
		this.agents = agents;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getView() instanceof RedirectView
				|| (page.getViewName() != null && page.getViewName().startsWith("redirect:"))
				|| request.getHeader("HX-Request") != null || page.getModel().containsKey("inbox")) {
			return;
		}
		AgentPrincipal viewer = signedIn();
		if (viewer != null) {
			page.addObject("inbox", inbox(viewer));
		}
	}

	Inbox inbox(AgentPrincipal viewer) {
		Map<String, Long> counts = this.queries.activeCounts(viewer);
		List<GroupCount> groups = this.agents.groups()
			.stream()
			.filter(group -> viewer.seesAllTickets() || viewer.groupIds().contains(group.id()))
			.map(group -> new GroupCount(group.id(), group.name(), counts.getOrDefault("group:" + group.id(), 0L)))
			.toList();
		return new Inbox(counts.getOrDefault("mine", 0L), counts.getOrDefault("unassigned", 0L),
				counts.getOrDefault("urgent", 0L), counts.getOrDefault("open", 0L), groups);
	}

	private static AgentPrincipal signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof PendingSecondFactor) {
			return null;
		}
		return authentication.getPrincipal() instanceof AgentPrincipal agent ? agent : null;
	}

	/**
	 * The counters of the navigation: active tickets that are the viewer's, nobody's,
	 * urgent, all of them, and per group.
	 */
	record Inbox(long mine, long unassigned, long urgent, long open, List<GroupCount> groups) {
	}

	/**
	 * A group's active tickets.
	 */
	record GroupCount(UUID id, String name, long count) {
	}

}
