package io.walletdesk.channel.phone;

import java.time.Instant;
import java.util.UUID;

/**
 * A call to log, as an agent or the telephony system describes it.
 *
 * @param inboxId the phone inbox the call came through, or null
 * @param direction {@code inbound} or {@code outbound}
 * @param startedAt when the call began (null: now)
 * @param ticketId a ticket to log the call into, instead of the caller's current
 * conversation, or null
 */
record NewCall(UUID inboxId, String callerNumber, String callerName, String direction, Instant startedAt,
		Integer durationSeconds, String notes, String recordingUrl, UUID ticketId) {
}
