package io.walletdesk.channel.phone;

import java.time.Instant;
import java.util.UUID;

/**
 * A logged (or, for a call reported by the telephony system, a still running) call.
 *
 * @param callId the telephony system's id, null for calls logged by hand
 * @param messageId the internal note on the ticket that logs the call; null while a
 * reported call has not ended
 * @param notes the agent's notes with secrets replaced by placeholders
 */
record CallRecord(UUID id, UUID inboxId, String callId, UUID ticketId, String ticketNumber, UUID customerId,
		String callerNumber, String callerName, String direction, Instant startedAt, Integer durationSeconds,
		String notes, String recordingUrl, UUID agentId, UUID messageId, Instant loggedAt) {
}
