package io.walletdesk.shift;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How many agents each hour of the week needs, from the arrivals of past weeks, next to
 * how many are on shift in the week shown.
 *
 * @param week the ISO week the staffed figures come from
 * @param weeks how many past weeks the arrival rates average
 * @param hours 168 hours, Monday 00:00 to Sunday 23:00 in the zone
 */
public record Projection(String week, String zone, int weeks, Instant arrivalsFrom, Instant arrivalsTo,
		Duration handlingTime, double serviceLevel, Duration answerWithin, double maxOccupancy, List<Hour> hours) {

	/**
	 * @param arrivals average tickets created in this hour of the week
	 * @param required agents Erlang C asks for
	 * @param staffed agents on shift at the hour's start
	 */
	public record Hour(int day, int hour, double arrivals, int required, int staffed) {

		public boolean understaffed() {
			return this.staffed < this.required;
		}

	}

}
