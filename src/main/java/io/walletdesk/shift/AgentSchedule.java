package io.walletdesk.shift;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * One agent's compiled rota: the weekly pattern in the agent's zone, exceptions and the
 * holiday rule of their region. Immutable apart from a cache of worked periods per week,
 * so the routing threads read it without locks.
 * <p>
 * Precedence: an extra shift wins over everything, then leave, then (for agents without
 * any pattern) always on shift, then the weekly pattern minus the holidays of the agent's
 * region. Agents without a pattern have opted out of the rota (a small team needs none),
 * so holidays do not apply to them; leave still does.
 */
final class AgentSchedule {

	private final UUID agentId;

	private final ZoneId zone;

	private final String region;

	private final Map<DayOfWeek, List<WeeklyShift>> byDay = new EnumMap<>(DayOfWeek.class);

	private final boolean hasPattern;

	private final List<ShiftExceptionView> exceptions;

	private final BiPredicate<String, LocalDate> holidays;

	private static final long WEEK_SECONDS = 7 * 24 * 3600;

	private final Map<Long, long[]> weeks = new ConcurrentHashMap<>();

	AgentSchedule(UUID agentId, ZoneId zone, String region, List<WeeklyShift> pattern,
			List<ShiftExceptionView> exceptions, BiPredicate<String, LocalDate> holidays) {
		this.agentId = agentId;
		this.zone = zone;
		this.region = region;
		for (WeeklyShift shift : pattern) {
			this.byDay.computeIfAbsent(shift.day(), d -> new ArrayList<>()).add(shift);
		}
		this.hasPattern = !pattern.isEmpty();
		this.exceptions = List.copyOf(exceptions);
		this.holidays = holidays;
	}

	UUID agentId() {
		return this.agentId;
	}

	ZoneId zone() {
		return this.zone;
	}

	String region() {
		return this.region;
	}

	boolean hasPattern() {
		return this.hasPattern;
	}

	boolean onShift(Instant at) {
		boolean onLeave = false;
		for (ShiftExceptionView exception : this.exceptions) {
			if (exception.covers(at)) {
				if (exception.kind() == ExceptionKind.EXTRA) {
					return true;
				}
				onLeave = true;
			}
		}
		if (onLeave) {
			return false;
		}
		if (!this.hasPattern) {
			return true;
		}
		long second = at.getEpochSecond();
		long[] spans = worked(Math.floorDiv(second, WEEK_SECONDS));
		for (int i = 0; i < spans.length; i += 2) {
			if (second >= spans[i] && second < spans[i + 1]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The pattern's worked periods (start and end epoch seconds, holidays left out) that
	 * overlap one UTC week, computed once per week: routing asks for every agent on every
	 * decision, and resolving local times through the zone rules each time costs ten
	 * times more than comparing numbers.
	 */
	private long[] worked(long week) {
		long[] spans = this.weeks.get(week);
		if (spans != null) {
			return spans;
		}
		if (this.weeks.size() > 16) {
			this.weeks.clear();
		}
		long from = week * WEEK_SECONDS;
		long to = from + WEEK_SECONDS;
		List<Long> found = new ArrayList<>();
		// A night shift that began the local day before the week may still be running.
		LocalDate day = Instant.ofEpochSecond(from).atZone(this.zone).toLocalDate().minusDays(1);
		LocalDate last = Instant.ofEpochSecond(to).atZone(this.zone).toLocalDate();
		for (; !day.isAfter(last); day = day.plusDays(1)) {
			List<WeeklyShift> shifts = this.byDay.get(day.getDayOfWeek());
			if (shifts == null || isHoliday(day)) {
				continue;
			}
			for (WeeklyShift shift : shifts) {
				long start = start(day, shift).getEpochSecond();
				long end = end(day, shift).getEpochSecond();
				if (end > from && start < to) {
					found.add(start);
					found.add(end);
				}
			}
		}
		spans = found.stream().mapToLong(Long::longValue).toArray();
		this.weeks.put(week, spans);
		return spans;
	}

	private boolean isHoliday(LocalDate day) {
		return this.region != null && this.holidays.test(this.region, day);
	}

	/**
	 * The start of the shift on the day. ZonedDateTime resolves a local time that does
	 * not exist (spring forward) to the instant the clocks jump to, and an ambiguous one
	 * (fall back) to the earlier offset, so a 01:00-03:00 shift lasts one hour on the
	 * spring-forward night and three on the fall-back night in Europe/London.
	 */
	private Instant start(LocalDate day, WeeklyShift shift) {
		return ZonedDateTime.of(day, shift.start(), this.zone).toInstant();
	}

	private Instant end(LocalDate day, WeeklyShift shift) {
		LocalDate endDay = shift.crossesMidnight() ? day.plusDays(1) : day;
		return ZonedDateTime.of(endDay, shift.end(), this.zone).toInstant();
	}

	/**
	 * The first instant from {@code from} (inclusive) to {@code until} (exclusive) at
	 * which the agent is on shift. Being on shift can only begin at {@code from}, a shift
	 * start, an extra shift's start or a leave's end, so only those instants are tried.
	 */
	Optional<Instant> next(Instant from, Instant until) {
		TreeSet<Instant> candidates = new TreeSet<>();
		candidates.add(from);
		for (ShiftExceptionView exception : this.exceptions) {
			candidates.add(exception.kind() == ExceptionKind.EXTRA ? exception.startsAt() : exception.endsAt());
		}
		if (this.hasPattern) {
			LocalDate day = from.atZone(this.zone).toLocalDate().minusDays(1);
			LocalDate last = until.atZone(this.zone).toLocalDate();
			for (; !day.isAfter(last); day = day.plusDays(1)) {
				List<WeeklyShift> shifts = this.byDay.get(day.getDayOfWeek());
				if (shifts != null) {
					for (WeeklyShift shift : shifts) {
						candidates.add(start(day, shift));
					}
				}
			}
		}
		for (Instant candidate : candidates.subSet(from, true, until, false)) {
			if (onShift(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
