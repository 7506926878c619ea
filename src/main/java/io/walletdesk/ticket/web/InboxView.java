package io.walletdesk.ticket.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.ticket.TicketFilter;
import io.walletdesk.ticket.TicketStatus;

/**
 * The console's ticket lists. All but search show active work only (new, open, pending,
 * on hold).
 */
enum InboxView {

	/** Assigned to the viewer. */
	MINE,
	/** Nobody's yet, in queue order. */
	UNASSIGNED,
	/**
	 * Every active ticket, most urgent and longest waiting first: the queue to work from.
	 */
	URGENT,
	/** Every active ticket, newest first. */
	OPEN,
	/** One group's active tickets in queue order: the group's queue. */
	GROUP,
	/** Tickets of any status whose subject, text or number matches. */
	SEARCH;

	static final Set<TicketStatus> ACTIVE = EnumSet
		.copyOf(Arrays.stream(TicketStatus.values()).filter(TicketStatus::isActive).toList());

	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The view for a request parameter; unknown or missing values show all open tickets.
	 */
	static InboxView of(String id) {
		return Arrays.stream(values()).filter(view -> view.id().equals(id)).findFirst().orElse(OPEN);
	}

	TicketFilter filter(AgentPrincipal viewer, UUID groupId, String q) {
		return switch (this) {
			case MINE -> filter(ACTIVE, viewer.id(), false, null, null, TicketFilter.Order.NEWEST);
			case UNASSIGNED -> filter(ACTIVE, null, true, null, null, TicketFilter.Order.URGENT_FIRST);
			case URGENT -> filter(ACTIVE, null, false, null, null, TicketFilter.Order.URGENT_FIRST);
			case OPEN -> filter(ACTIVE, null, false, null, null, TicketFilter.Order.NEWEST);
			case GROUP -> filter(ACTIVE, null, false, groupId, null, TicketFilter.Order.URGENT_FIRST);
			case SEARCH -> filter(null, null, false, null, q, TicketFilter.Order.NEWEST);
		};
	}

	private static TicketFilter filter(Set<TicketStatus> statuses, UUID assigneeId, boolean unassigned, UUID groupId,
			String q, TicketFilter.Order order) {
		return new TicketFilter(statuses, null, null, assigneeId, unassigned, groupId, null, null, null, q, null, null,
				order);
	}

}
