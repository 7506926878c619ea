package io.walletdesk.shift;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One shift of an agent's weekly pattern, in the agent's own time zone: it starts on
 * {@code day} at {@code start} and ends at {@code end}, on the next day when {@code end}
 * is at or before {@code start} (a night shift). The shift belongs to the day it starts
 * on, so a holiday on that day cancels it.
 *
 * @param day the day the shift starts
 * @param start local start time, inclusive
 * @param end local end time, exclusive
 */
public record WeeklyShift(DayOfWeek day, LocalTime start, LocalTime end) {

	/** Whether the shift runs past midnight into the next day. */
	public boolean crossesMidnight() {
		return !this.end.isAfter(this.start);
	}

}
