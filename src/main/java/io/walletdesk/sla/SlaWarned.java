package io.walletdesk.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * Three quarters of the time for a target of a ticket's service-level policy are gone.
 */
public record SlaWarned(UUID ticketId, String policy, String target, Instant dueAt, UUID assigneeId, UUID groupId) {
}
