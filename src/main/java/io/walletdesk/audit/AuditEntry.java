package io.walletdesk.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit record as read back.
 *
 * @param kind what happened, e.g. {@code secret_redacted}, {@code reply_blocked}
 * @param actorKind who did it: {@code customer}, {@code agent}, {@code bot},
 * {@code system}
 * @param ticketId the ticket concerned, if any
 * @param detail a short human-readable description (never a secret)
 */
public record AuditEntry(UUID id, Instant at, String kind, String actorKind, UUID actorId, String actorName,
		UUID ticketId, String detail) {
}
