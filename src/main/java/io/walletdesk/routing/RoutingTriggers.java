package io.walletdesk.routing;

import io.walletdesk.routing.internal.AgentIndex;
import io.walletdesk.sla.SlaBreached;
import io.walletdesk.ticket.TicketChanged;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketOpened;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.triage.TriageCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import io.walletdesk.identity.AgentPrincipal;

/**
 * What makes routing act, each after the change committed (and replayed after a crash by
 * the event publication registry): new and triaged tickets, tickets unassigned or moved
 * to another group, agents coming online, going away or offline or freeing capacity, and
 * service-level breaches that ask for reassignment.
 */
@Component
class RoutingTriggers {

	private final RoutingManagement routing;

	private final RoutingStore store;

	private final AgentIndex index;

	private final TicketManagement tickets;

	RoutingTriggers(RoutingManagement routing, RoutingStore store, AgentIndex index, TicketManagement tickets) {
		this.routing = routing;
		this.store = store;
		this.index = index;
		this.tickets = tickets;
	}

	@ApplicationModuleListener
	void on(TicketOpened event) {
		this.tickets.find(event.ticketId()).ifPresent(this::track);
		this.routing.routeOpened(event.ticketId());
	}

	/** Triage knows the language and category now, which may change who qualifies. */
	@ApplicationModuleListener
	void on(TriageCompleted event) {
		this.routing.routeOpened(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketChanged event) {
		if (!event.fields().contains("assignee") && !event.fields().contains("group")
				&& !event.fields().contains("status")) {
			return;
		}
		TicketView ticket = this.tickets.find(event.ticketId()).orElse(null);
		if (ticket == null) {
			return;
		}
		java.util.UUID previous = track(ticket);
		// A pin is for automatic moves; a person who assigns the ticket elsewhere ends
		// it.
		this.store.pinnedTo(ticket.id())
			.filter(pinned -> !pinned.equals(ticket.assigneeId()))
			.ifPresent(pinned -> this.store.unpin(ticket.id()));
		if (ticket.status().isActive() && ticket.assigneeId() == null) {
			this.routing.route(ticket.id());
		}
		if (previous != null && !previous.equals(ticket.assigneeId())) {
			this.routing.pullFor(previous);
		}
	}

	@ApplicationModuleListener
	void on(AgentPresenceChanged event) {
		this.index.presence(event.agentId(), event.to().id());
		switch (event.to()) {
			case ONLINE -> this.routing.pullFor(event.agentId());
			case AWAY -> this.routing.withdrawOffers(event.agentId());
			case OFFLINE -> this.routing.releaseLiveChats(event.agentId());
		}
	}

	@ApplicationModuleListener
	void on(SlaBreached event) {
		if (event.asks("reassign")) {
			this.routing.reassign(event.ticketId(), event.assigneeId());
		}
	}

	/** Signing out of the console makes the agent offline. */
	@EventListener
	void on(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null
				&& event.getAuthentication().getPrincipal() instanceof AgentPrincipal agent) {
			this.routing.signedOut(agent.id());
		}
	}

	/**
	 * Moves the ticket's load in the index to whoever holds it now.
	 * @return who held it before, as far as this node knows
	 */
	private java.util.UUID track(TicketView ticket) {
		java.util.UUID holder = ticket.status().isActive() ? ticket.assigneeId() : null;
		return this.index.hold(ticket.id(), holder, ticket.channel().isLiveChat());
	}

}
