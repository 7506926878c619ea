package io.walletdesk.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a policy asks for when a target is missed, and the warning at three quarters of a
 * target: notifications to the assignee and the group's supervisors, and one priority
 * level up. Reassignment is the routing module's reaction to the same event.
 */
@Component
class SlaBreachActions {

	private final SlaStore store;

	private final AgentManagement agents;

	private final TicketManagement tickets;

	private final SlaNotices notices;

	private final Clock clock;

	SlaBreachActions(SlaStore store, AgentManagement agents, TicketManagement tickets, SlaNotices notices,
			Clock clock) {
		this.store = store;
		this.agents = agents;
		this.tickets = tickets;
		this.notices = notices;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SlaWarned event) {
		Set<UUID> recipients = new LinkedHashSet<>();
		if (event.assigneeId() != null) {
			recipients.add(event.assigneeId());
		}
		else {
			// Nobody owns it yet: the people who hand out work should see it coming.
			recipients.addAll(supervisors(event.groupId()));
		}
		notify(event.ticketId(), event.target(), event.dueAt(), "warning", recipients);
	}

	@ApplicationModuleListener
	void on(SlaBreached event) {
		if (event.asks("notify")) {
			Set<UUID> recipients = new LinkedHashSet<>();
			if (event.assigneeId() != null) {
				recipients.add(event.assigneeId());
			}
			recipients.addAll(supervisors(event.groupId()));
			notify(event.ticketId(), event.target(), event.dueAt(), "breach", recipients);
		}
		if (event.asks("raise_priority")) {
			raise(event);
		}
	}

	private void raise(SlaBreached event) {
		TicketView ticket = this.tickets.find(event.ticketId()).orElse(null);
		if (ticket == null || !ticket.status().isActive() || ticket.priority() == null
				|| ticket.priority() == Priority.URGENT) {
			return;
		}
		Priority higher = Priority.values()[ticket.priority().ordinal() - 1];
		this.tickets.change(ticket.id(), new ChangeTicket(null, higher, null, null, null, null), Actor.system());
	}

	private void notify(UUID ticketId, String target, Instant dueAt, String kind, Set<UUID> recipients) {
		Timer timer = this.store.timer(ticketId, target, dueAt).orElse(null);
		if (timer == null) {
			return;
		}
		Instant now = this.clock.instant();
		for (UUID recipient : recipients) {
			if (this.store.notify(recipient, timer, kind, now)) {
				this.agents.find(recipient).ifPresent(agent -> this.notices.send(agent.username(), ticketId, kind));
			}
		}
	}

	/** Supervisors of the group; all supervisors when the ticket has no group. */
	private Set<UUID> supervisors(UUID groupId) {
		Set<UUID> ids = new LinkedHashSet<>();
		(groupId == null ? this.agents.all() : this.agents.members(groupId)).stream()
			.filter(AgentView::enabled)
			.filter(agent -> agent.roles().contains(Role.SUPERVISOR))
			.map(AgentView::id)
			.forEach(ids::add);
		return ids;
	}

}
