package io.walletdesk.ticket;

import java.util.Set;
import java.util.UUID;

/**
 * Fields of a ticket changed (status, priority, category, sentiment, assignee, group,
 * tags), or it was triaged again ({@code triage} among the fields).
 */
public record TicketChanged(UUID ticketId, Set<String> fields, UUID assigneeId, UUID groupId) {
}
