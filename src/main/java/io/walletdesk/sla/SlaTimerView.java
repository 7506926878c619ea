package io.walletdesk.sla;

import java.time.Instant;

/**
 * One target's latest run on a ticket.
 *
 * @param dueAt while paused, when it would be due if the clock ran again now
 * @param state {@code active}, {@code paused}, {@code met} or {@code missed}
 * @param doneAt when the work happened (met, or recorded late on a missed target)
 */
public record SlaTimerView(String target, int minutes, Instant startedAt, Instant dueAt, Instant warnAt, String state,
		Instant doneAt, boolean warned) {
}
