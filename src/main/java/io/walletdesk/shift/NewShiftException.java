package io.walletdesk.shift;

import java.time.Instant;

/**
 * Leave or an extra shift to record for an agent.
 *
 * @param startsAt inclusive
 * @param endsAt exclusive, after {@code startsAt}
 * @param note why (optional), at most 500 characters
 */
public record NewShiftException(ExceptionKind kind, Instant startsAt, Instant endsAt, String note) {
}
