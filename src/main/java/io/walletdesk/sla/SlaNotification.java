package io.walletdesk.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A warning or breach shown in an agent's notification list.
 *
 * @param kind {@code warning} or {@code breach}
 */
public record SlaNotification(UUID id, UUID ticketId, String ticketNumber, String kind, String target, Instant dueAt,
		Instant createdAt, boolean read) {
}
