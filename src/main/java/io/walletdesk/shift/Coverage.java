package io.walletdesk.shift;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who is on shift in each hour of one calendar week, in a chosen zone.
 *
 * @param week the ISO week, such as {@code 2026-W49}
 * @param zone the zone the days and hours are in
 * @param languages the languages some agent covers at some hour of the week
 * @param skills the skills some agent covers at some hour of the week
 * @param hours 168 hours, Monday 00:00 to Sunday 23:00 local
 */
public record Coverage(String week, String zone, List<String> languages, List<String> skills, List<Hour> hours) {

	/**
	 * One local hour. An agent staffs it when on shift at its start.
	 *
	 * @param day ISO day of week, 1 = Monday
	 * @param startsAt the instant the local hour starts; for an hour skipped by a
	 * spring-forward change, the instant the clocks jump to
	 * @param exists false for an hour skipped by a spring-forward change
	 * @param byLanguage agents on shift per language
	 * @param bySkill agents on shift per skill
	 * @param languageGaps languages covered at other hours of the week but not in this
	 * one
	 * @param skillGaps skills covered at other hours of the week but not in this one
	 */
	public record Hour(int day, int hour, Instant startsAt, boolean exists, int staffed,
			Map<String, Integer> byLanguage, Map<String, Integer> bySkill, List<String> languageGaps,
			List<String> skillGaps) {

		public boolean hasGap() {
			return !this.languageGaps.isEmpty() || !this.skillGaps.isEmpty();
		}

	}

}
