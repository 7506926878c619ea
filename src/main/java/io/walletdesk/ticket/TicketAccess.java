package io.walletdesk.ticket;

import io.walletdesk.identity.AgentPrincipal;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see a ticket: supervisors and admins see all; other agents see tickets of their
 * groups, tickets without a group, and tickets assigned to them.
 */
public final class TicketAccess {

	private TicketAccess() {
	}

	public static boolean canSee(AgentPrincipal viewer, TicketView ticket) {
		return viewer.seesAllTickets() || ticket.groupId() == null || viewer.groupIds().contains(ticket.groupId())
				|| viewer.id().equals(ticket.assigneeId());
	}

	/**
	 * @throws AccessDeniedException when the viewer may not see the ticket (answered 403)
	 */
	public static TicketView check(AgentPrincipal viewer, TicketView ticket) {
		if (!canSee(viewer, ticket)) {
			throw new AccessDeniedException("Not allowed to see " + ticket.number());
		}
		return ticket;
	}

}
