package io.walletdesk.channel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.walletdesk.platform.InvalidInputException;

/**
 * When an inbox is staffed, from an inbox setting such as
 * {@code Mon-Fri 09:00-18:00; Sat 10:00-14:00} in the inbox's time zone.
 * <p>
 * Format: rules separated by {@code ;}, each a day or day range ({@code Mon},
 * {@code Mon-Fri}, {@code Fri-Mon} wraps the week; several joined with {@code ,}) and one
 * or more time ranges {@code HH:mm-HH:mm} (also joined with {@code ,}). An end at or
 * before the start runs overnight into the next day ({@code Fri 22:00-02:00});
 * {@code 24:00} ends at midnight. Empty text means always open. Day names are English
 * three-letter abbreviations, case-insensitive.
 * <p>
 * Windows are turned into instants in the time zone before comparing, so daylight-saving
 * changes behave as the wall clock does: a time in a skipped hour is read as that time
 * plus the gap (02:30 on a night that jumps from 02:00 to 03:00 is 03:30), and an
 * overnight window across a change is as long as the night really is. Instances are
 * immutable and thread-safe; parse once per settings change or per request (parsing is
 * cheap).
 */
public final class OfficeHours {

	private static final Pattern RULE = Pattern
		.compile("(?i)\\s*([a-z]{3}(?:\\s*-\\s*[a-z]{3})?(?:\\s*,\\s*[a-z]{3}(?:\\s*-\\s*[a-z]{3})?)*)\\s+(.+?)\\s*");

	private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

	private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

	private static final List<String> DAY_NAMES_EN = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

	private static final List<String> DAY_NAMES_ZH = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");

	private final String text;

	private final ZoneId zone;

	private final List<Rule> rules;

	private OfficeHours(String text, ZoneId zone, List<Rule> rules) {
		this.text = text;
		this.zone = zone;
		this.rules = List.copyOf(rules);
	}

	/**
	 * Parses office hours.
	 * @param text the hours, or null/blank for always open
	 * @param timeZone an IANA zone id, or null/blank for UTC
	 * @throws InvalidInputException naming {@code officeHours} or {@code timeZone} when
	 * either cannot be read
	 */
	public static OfficeHours parse(String text, String timeZone) {
		ZoneId zone;
		try {
			zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone.trim());
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("timeZone", "is not a known time zone");
		}
		List<Rule> rules = new ArrayList<>();
		String hours = text == null ? "" : text.trim();
		if (!hours.isEmpty()) {
			for (String part : hours.split(";")) {
				if (part.isBlank()) {
					continue;
				}
				Matcher rule = RULE.matcher(part);
				if (!rule.matches()) {
					throw invalid(part);
				}
				Set<DayOfWeek> days = days(rule.group(1), part);
				for (String range : rule.group(2).split(",")) {
					Matcher times = RANGE.matcher(range);
					if (!times.matches()) {
						throw invalid(part);
					}
					LocalTime start = time(times.group(1), part, false);
					LocalTime end = time(times.group(2), part, true);
					rules.add(new Rule(days, start, end, times.group(2).trim().equals("24:00")));
				}
			}
			if (rules.isEmpty()) {
				throw invalid(hours);
			}
		}
		return new OfficeHours(hours, zone, rules);
	}

	/** Always open, in UTC. */
	public static OfficeHours always() {
		return new OfficeHours("", ZoneId.of("UTC"), List.of());
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** Whether no hours are set, so the inbox counts as always open. */
	public boolean alwaysOpen() {
		return this.rules.isEmpty();
	}

	/** Whether the inbox is staffed at this instant. */
	public boolean isOpen(Instant at) {
		if (alwaysOpen()) {
			return true;
		}
		LocalDate today = at.atZone(this.zone).toLocalDate();
		// A window that began yesterday may run overnight into today.
		for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
			for (Window window : windows(day)) {
				if (!at.isBefore(window.start()) && at.isBefore(window.end())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The start of the next window after {@code at} when closed then; empty when open at
	 * {@code at} or always open.
	 */
	public Optional<Instant> nextOpening(Instant at) {
		if (isOpen(at)) {
			return Optional.empty();
		}
		LocalDate today = at.atZone(this.zone).toLocalDate();
		Instant best = null;
		for (LocalDate day = today; !day.isAfter(today.plusDays(8)); day = day.plusDays(1)) {
			for (Window window : windows(day)) {
				if (window.start().isAfter(at) && window.end().isAfter(window.start())
						&& (best == null || window.start().isBefore(best))) {
					best = window.start();
				}
			}
			if (best != null) {
				return Optional.of(best);
			}
		}
		return Optional.empty();
	}

	/**
	 * The hours as lines for visitors, one per rule, in Chinese for a {@code zh} locale
	 * and English otherwise.
	 */
	public List<String> describe(Locale locale) {
		boolean zh = locale != null && "zh".equals(locale.getLanguage());
		if (alwaysOpen()) {
			return List.of(zh ? "全天 24 小时" : "Open 24 hours, every day");
		}
		List<String> lines = new ArrayList<>();
		for (String part : this.text.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			Matcher rule = RULE.matcher(part);
			rule.matches();
			StringBuilder line = new StringBuilder();
			String[] groups = rule.group(1).split(",");
			for (int i = 0; i < groups.length; i++) {
				if (i > 0) {
					line.append(zh ? "、" : ", ");
				}
				String[] ends = groups[i].split("-");
				line.append(dayName(ends[0], zh));
				if (ends.length == 2) {
					line.append(zh ? "至" : "–").append(dayName(ends[1], zh));
				}
			}
			line.append(' ');
			String[] ranges = rule.group(2).split(",");
			for (int i = 0; i < ranges.length; i++) {
				Matcher times = RANGE.matcher(ranges[i]);
				times.matches();
				if (i > 0) {
					line.append(", ");
				}
				line.append(pad(times.group(1))).append('–').append(pad(times.group(2)));
			}
			lines.add(line.toString());
		}
		return lines;
	}

	@Override
	public String toString() {
		return this.text + " (" + this.zone + ")";
	}

	private List<Window> windows(LocalDate day) {
		List<Window> windows = new ArrayList<>();
		for (Rule rule : this.rules) {
			if (!rule.days().contains(day.getDayOfWeek())) {
				continue;
			}
			Instant start = ZonedDateTime.of(day, rule.start(), this.zone).toInstant();
			boolean overnight = rule.untilMidnight() || !rule.end().isAfter(rule.start());
			Instant end = ZonedDateTime.of(overnight ? day.plusDays(1) : day, rule.end(), this.zone).toInstant();
			if (end.isAfter(start)) {
				windows.add(new Window(start, end));
			}
		}
		return windows;
	}

	private static Set<DayOfWeek> days(String spec, String part) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String group : spec.split(",")) {
			String[] ends = group.split("-");
			DayOfWeek first = day(ends[0], part);
			DayOfWeek last = ends.length == 2 ? day(ends[1], part) : first;
			DayOfWeek day = first;
			days.add(day);
			while (day != last) {
				day = day.plus(1);
				days.add(day);
			}
		}
		return days;
	}

	private static DayOfWeek day(String name, String part) {
		int index = DAY_NAMES.indexOf(name.trim().toLowerCase(Locale.ROOT));
		if (index < 0) {
			throw invalid(part);
		}
		return DayOfWeek.of(index + 1);
	}

	private static String dayName(String name, boolean zh) {
		int index = DAY_NAMES.indexOf(name.trim().toLowerCase(Locale.ROOT));
		return zh ? DAY_NAMES_ZH.get(index) : DAY_NAMES_EN.get(index);
	}

	private static LocalTime time(String value, String part, boolean end) {
		if (end && value.equals("24:00")) {
			return LocalTime.MIDNIGHT;
		}
		try {
			return LocalTime.parse(pad(value));
		}
		catch (DateTimeParseException ex) {
			throw invalid(part);
		}
	}

	private static String pad(String time) {
		String trimmed = time.trim();
		return trimmed.length() == 4 ? "0" + trimmed : trimmed;
	}

	private static InvalidInputException invalid(String part) {
		return new InvalidInputException("officeHours",
				"cannot read \"" + part.trim() + "\"; expected e.g. Mon-Fri 09:00-18:00; Sat 10:00-14:00");
	}

	private record Rule(Set<DayOfWeek> days, LocalTime start, LocalTime end, boolean untilMidnight) {
	}

	private record Window(Instant start, Instant end) {
	}

}
