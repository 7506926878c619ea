package io.walletdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Business-time arithmetic for one calendar: adding working time to an instant and
 * measuring the working time between two instants. Written by hand because no maintained
 * Java library does business-hour arithmetic with per-region holidays; each day's opening
 * hours are resolved in the calendar's zone, so daylight-saving nights get their real
 * (shorter or longer) length.
 */
final class BusinessCalendar {

	/** Guards against a calendar with no open hour at all (every weekday closed). */
	private static final int MAX_DAYS = 3 * 366;

	private final boolean alwaysOpen;

	private final ZoneId zone;

	private final Map<DayOfWeek, Hours> hours;

	private final Predicate<LocalDate> holiday;

	private BusinessCalendar(boolean alwaysOpen, ZoneId zone, Map<DayOfWeek, Hours> hours,
			Predicate<LocalDate> holiday) {
		this.alwaysOpen = alwaysOpen;
		this.zone = zone;
		this.hours = new EnumMap<>(DayOfWeek.class);
		this.hours.putAll(hours);
		this.holiday = holiday;
	}

	static BusinessCalendar alwaysOpen() {
		return new BusinessCalendar(true, ZoneId.of("UTC"), Map.of(), date -> false);
	}

	/**
	 * @param hours opening hours per weekday; a weekday that is absent is closed
	 * @param holiday the closed dates (public holidays of the region and extra dates)
	 */
	static BusinessCalendar businessHours(ZoneId zone, Map<DayOfWeek, Hours> hours, Predicate<LocalDate> holiday) {
		if (hours.isEmpty()) {
			throw new IllegalArgumentException("a business-hours calendar needs at least one open weekday");
		}
		return new BusinessCalendar(false, zone, hours, holiday);
	}

	/**
	 * The instant at which {@code amount} of working time has passed after {@code from}.
	 * Starting outside hours, the time starts running at the next opening.
	 */
	Instant add(Instant from, Duration amount) {
		if (this.alwaysOpen) {
			return from.plus(amount);
		}
		Duration left = amount;
		LocalDate date = LocalDate.ofInstant(from, this.zone);
		for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
			Interval open = openOn(date);
			if (open == null || !open.end().isAfter(from)) {
				continue;
			}
			Instant start = open.start().isAfter(from) ? open.start() : from;
			Duration available = Duration.between(start, open.end());
			if (left.compareTo(available) <= 0) {
				return start.plus(left);
			}
			left = left.minus(available);
		}
		throw new IllegalStateException("no opening hours within " + MAX_DAYS + " days");
	}

	/** The working time between two instants; zero when {@code to} is not after. */
	Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		if (this.alwaysOpen) {
			return Duration.between(from, to);
		}
		Duration total = Duration.ZERO;
		LocalDate last = LocalDate.ofInstant(to, this.zone);
		for (LocalDate date = LocalDate.ofInstant(from, this.zone); !date.isAfter(last); date = date.plusDays(1)) {
			Interval open = openOn(date);
			if (open == null) {
				continue;
			}
			Instant start = open.start().isAfter(from) ? open.start() : from;
			Instant end = open.end().isBefore(to) ? open.end() : to;
			if (end.isAfter(start)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

	private Interval openOn(LocalDate date) {
		Hours day = this.hours.get(date.getDayOfWeek());
		if (day == null || this.holiday.test(date)) {
			return null;
		}
		return new Interval(at(date, day.openMinute()), at(date, day.closeMinute()));
	}

	// A wall-clock time that falls into a daylight-saving gap moves forward, as
	// ZonedDateTime.of does; minute 1440 is the next day's start.
	private Instant at(LocalDate date, int minuteOfDay) {
		if (minuteOfDay >= 24 * 60) {
			return date.plusDays(1).atStartOfDay(this.zone).toInstant();
		}
		return ZonedDateTime.of(date, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), this.zone).toInstant();
	}

	private record Interval(Instant start, Instant end) {
	}

	/**
	 * Opening hours of one weekday, in minutes after midnight; {@code close} may be 1440
	 * (midnight at the end of the day).
	 */
	record Hours(int openMinute, int closeMinute) {

		Hours {
			if (openMinute < 0 || closeMinute > 24 * 60 || openMinute >= closeMinute) {
				throw new IllegalArgumentException("opening must come before closing within the day");
			}
		}

		/**
		 * Reads {@code HH:mm-HH:mm} ({@code 24:00} allowed as the close).
		 * @throws IllegalArgumentException for another form
		 */
		static Hours parse(String text) {
			String[] parts = text.trim().split("-");
			if (parts.length != 2) {
				throw new IllegalArgumentException("hours must look like 09:00-18:00");
			}
			return new Hours(minute(parts[0]), minute(parts[1]));
		}

		private static int minute(String text) {
			String[] hm = text.trim().split(":");
			if (hm.length != 2) {
				throw new IllegalArgumentException("hours must look like 09:00-18:00");
			}
			try {
				int hour = Integer.parseInt(hm[0]);
				int minute = Integer.parseInt(hm[1]);
				if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour == 24 && minute != 0)) {
					throw new IllegalArgumentException("hours must look like 09:00-18:00");
				}
				return hour * 60 + minute;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("hours must look like 09:00-18:00", ex);
			}
		}

		@Override
		public String toString() {
			return "%02d:%02d-%02d:%02d".formatted(this.openMinute / 60, this.openMinute % 60, this.closeMinute / 60,
					this.closeMinute % 60);
		}

	}

}
