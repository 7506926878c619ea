package io.walletdesk.ticket;

import java.util.Set;
import java.util.UUID;

/**
 * Fields of a ticket changed (status, priority, category, assignee, group, tags).
 */
public record TicketChanged(UUID ticketId, Set<String> fields, UUID assigneeId, UUID groupId) {
}
