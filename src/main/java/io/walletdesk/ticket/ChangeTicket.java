package io.walletdesk.ticket;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Changes some fields of a ticket. A null field is left alone; an empty Optional clears
 * an assignment.
 */
public record ChangeTicket(TicketStatus status, Priority priority, Optional<Category> category,
		Optional<UUID> assigneeId, Optional<UUID> groupId, Set<String> tags) {

	public static ChangeTicket status(TicketStatus status) {
		return new ChangeTicket(status, null, null, null, null, null);
	}

}
