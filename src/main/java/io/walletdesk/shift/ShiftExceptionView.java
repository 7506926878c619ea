package io.walletdesk.shift;

import java.time.Instant;
import java.util.UUID;

/**
 * A period in which an agent's pattern does not apply: leave or an extra shift.
 *
 * @param startsAt inclusive
 * @param endsAt exclusive
 */
public record ShiftExceptionView(UUID id, UUID agentId, ExceptionKind kind, Instant startsAt, Instant endsAt,
		String note) {

	boolean covers(Instant at) {
		return !at.isBefore(this.startsAt) && at.isBefore(this.endsAt);
	}

}
