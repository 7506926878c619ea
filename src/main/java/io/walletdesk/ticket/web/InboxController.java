package io.walletdesk.ticket.web;

import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.platform.Page;
import io.walletdesk.ticket.TicketQueries;
import io.walletdesk.ticket.TicketView;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ticket lists: the page, its rows alone (for live refresh and "load more"), and the
 * navigation alone (for live counters).
 */
@Controller
class InboxController {

	static final int PAGE_SIZE = 50;

	private final TicketQueries queries;

	private final ConsoleViews views;

	private final InboxNavigation navigation;

	InboxController(TicketQueries queries, ConsoleViews views, InboxNavigation navigation) {
		this.queries = queries;
		this.views = views;
		this.navigation = navigation;
	}

	@GetMapping({ "/", "/tickets" })
	String list(@RequestParam(required = false) String view, @RequestParam(required = false) UUID group,
			@RequestParam(required = false) String q, @AuthenticationPrincipal AgentPrincipal viewer, Model model) {
		populate(view, group, q, null, viewer, model);
		return "tickets/list";
	}

	@GetMapping("/tickets/rows")
	String rows(@RequestParam(required = false) String view, @RequestParam(required = false) UUID group,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@AuthenticationPrincipal AgentPrincipal viewer, Model model) {
		populate(view, group, q, cursor, viewer, model);
		return cursor == null ? "tickets/list :: rows" : "tickets/list :: more-rows";
	}

	@GetMapping("/inbox/nav")
	String navigation(@RequestParam(required = false) String view, @RequestParam(required = false) UUID group,
			@AuthenticationPrincipal AgentPrincipal viewer, Model model) {
		model.addAttribute("inbox", this.navigation.inbox(viewer));
		model.addAttribute("currentView", view);
		model.addAttribute("currentGroup", group);
		return "tickets/nav :: nav";
	}

	private void populate(String viewId, UUID group, String q, String cursor, AgentPrincipal viewer, Model model) {
		InboxView view = q != null && !q.isBlank() ? InboxView.SEARCH
				: InboxView.of(viewId == null ? null : viewId.toLowerCase());
		if (view == InboxView.GROUP && group == null) {
			view = InboxView.OPEN;
		}
		ConsoleViews.Names names = this.views.names(viewer);
		Page<TicketView> page = this.queries.list(view.filter(viewer, group, q), viewer, cursor, PAGE_SIZE);
		model.addAttribute("view", view.id());
		model.addAttribute("currentView", view.id());
		model.addAttribute("currentGroup", group);
		model.addAttribute("groupName", group == null ? null : names.groups().get(group));
		model.addAttribute("q", q);
		model.addAttribute("rows", this.views.rows(page.items(), names));
		model.addAttribute("rowsUrl", rowsUrl(view, group, q, null));
		model.addAttribute("moreUrl", page.nextCursor() == null ? null : rowsUrl(view, group, q, page.nextCursor()));
	}

	private static String rowsUrl(InboxView view, UUID group, String q, String cursor) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/tickets/rows").queryParam("view", view.id());
		if (group != null) {
			url.queryParam("group", group);
		}
		if (q != null && !q.isBlank()) {
			url.queryParam("q", q);
		}
		if (cursor != null) {
			url.queryParam("cursor", cursor);
		}
		return url.encode().build().toUriString();
	}

}
