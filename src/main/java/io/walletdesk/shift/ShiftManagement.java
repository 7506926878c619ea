package io.walletdesk.shift;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.TicketQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Shifts: agents' weekly patterns, their exceptions, holiday regions and custom holidays.
 * Every change bumps the shared version so each node's {@link Rota} rebuilds; this node
 * rebuilds as soon as the change commits.
 */
@Service
public class ShiftManagement {

	private static final int MAX_SHIFTS = 50;

	private static final Duration MAX_EXCEPTION = Duration.ofDays(366);

	private static final int MINUTES_PER_WEEK = 7 * 24 * 60;

	private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");

	private final ShiftStore store;

	private final ShiftRota rota;

	private final RegionHolidays published;

	private final AgentManagement agents;

	private final Clock clock;

	private final TicketQueries tickets;

	private final ShiftSettings settings;

	ShiftManagement(ShiftStore store, ShiftRota rota, RegionHolidays published, AgentManagement agents, Clock clock,
			TicketQueries tickets, ShiftSettings settings) {
		this.store = store;
		this.rota = rota;
		this.published = published;
		this.agents = agents;
		this.clock = clock;
		this.tickets = tickets;
		this.settings = settings;
	}

	/**
	 * Who is on shift in each hour of the ISO week, in the zone: counts per language and
	 * skill, and the gaps, hours in which a language or skill that the team covers at
	 * some other hour of the week has nobody. The real calendar week is used, so clock
	 * changes and holidays show.
	 * @param week an ISO week such as {@code 2026-W49}; null for the current week
	 * @param zone an IANA zone id; null for UTC
	 * @throws InvalidInputException for an unknown zone or a malformed week
	 */
	public Coverage coverage(String week, String zone) {
		ZoneId zoneId = zone(zone);
		LocalDate monday = monday(week, zoneId);
		List<ShiftRota.Entry> entries = List.copyOf(this.rota.entries());
		List<Coverage.Hour> hours = new ArrayList<>(168);
		Set<String> languages = new TreeSet<>();
		Set<String> skills = new TreeSet<>();
		for (int day = 0; day < 7; day++) {
			for (int hour = 0; hour < 24; hour++) {
				LocalDateTime local = monday.plusDays(day).atTime(hour, 0);
				ZonedDateTime start = local.atZone(zoneId);
				boolean exists = start.toLocalDateTime().equals(local);
				Map<String, Integer> byLanguage = new TreeMap<>();
				Map<String, Integer> bySkill = new TreeMap<>();
				int staffed = 0;
				if (exists) {
					for (ShiftRota.Entry entry : entries) {
						if (entry.schedule().onShift(start.toInstant())) {
							staffed++;
							entry.agent().languages().forEach(l -> byLanguage.merge(l, 1, Integer::sum));
							entry.agent().skills().forEach(s -> bySkill.merge(s, 1, Integer::sum));
						}
					}
				}
				languages.addAll(byLanguage.keySet());
				skills.addAll(bySkill.keySet());
				hours.add(new Coverage.Hour(day + 1, hour, start.toInstant(), exists, staffed, byLanguage, bySkill,
						List.of(), List.of()));
			}
		}
		List<Coverage.Hour> withGaps = hours.stream()
			.map(h -> h.exists() ? new Coverage.Hour(h.day(), h.hour(), h.startsAt(), true, h.staffed(), h.byLanguage(),
					h.bySkill(), missing(languages, h.byLanguage()), missing(skills, h.bySkill())) : h)
			.toList();
		return new Coverage(isoWeek(monday), zoneId.getId(), List.copyOf(languages), List.copyOf(skills), withGaps);
	}

	/**
	 * The agents each hour of the week needs (Erlang C over the average arrivals of that
	 * hour of the week in the last {@code weeks} full weeks before the current one) next
	 * to those on shift in the given week.
	 * @param weeks how many past weeks to average (1 to 26); null for the configured
	 * default
	 * @throws InvalidInputException for an unknown zone, a malformed week or a weeks
	 * value out of range
	 */
	public Projection projection(Integer weeks, String week, String zone) {
		int span = weeks == null ? this.settings.projectionWeeks() : weeks;
		if (span < 1 || span > 26) {
			throw new InvalidInputException("weeks", "must be between 1 and 26");
		}
		ZoneId zoneId = zone(zone);
		Coverage coverage = coverage(week, zone);
		Instant to = monday(null, zoneId).atStartOfDay(zoneId).toInstant();
		Instant from = to.atZone(zoneId).minusWeeks(span).toInstant();
		double[] arrivals = new double[168];
		this.tickets.arrivalsPerHour(from, to).forEach((hour, count) -> {
			ZonedDateTime local = hour.atZone(zoneId);
			arrivals[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()] += count;
		});
		double handling = this.settings.handlingTime().toSeconds();
		double answer = this.settings.answerWithin().toSeconds();
		List<Projection.Hour> hours = new ArrayList<>(168);
		for (Coverage.Hour hour : coverage.hours()) {
			double rate = arrivals[(hour.day() - 1) * 24 + hour.hour()] / span;
			int required = ErlangC.requiredAgents(rate, handling, this.settings.serviceLevel(), answer,
					this.settings.maxOccupancy());
			hours.add(new Projection.Hour(hour.day(), hour.hour(), Math.round(rate * 100) / 100.0, required,
					hour.staffed()));
		}
		return new Projection(coverage.week(), coverage.zone(), span, from, to, this.settings.handlingTime(),
				this.settings.serviceLevel(), this.settings.answerWithin(), this.settings.maxOccupancy(), hours);
	}

	private static List<String> missing(Set<String> covered, Map<String, Integer> present) {
		return covered.stream().filter(key -> !present.containsKey(key)).toList();
	}

	static ZoneId zone(String zone) {
		if (zone == null || zone.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("zone", "is not a known time zone");
		}
	}

	private LocalDate monday(String week, ZoneId zone) {
		if (week == null || week.isBlank()) {
			return LocalDate.now(this.clock.withZone(zone)).with(DayOfWeek.MONDAY);
		}
		Matcher matcher = ISO_WEEK.matcher(week.strip());
		if (!matcher.matches()) {
			throw new InvalidInputException("week", "must be an ISO week such as 2026-W49");
		}
		int year = Integer.parseInt(matcher.group(1));
		int number = Integer.parseInt(matcher.group(2));
		LocalDate mid = LocalDate.of(year, 6, 1);
		if (year < 1970 || year > 2200 || !IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(mid).isValidValue(number)) {
			throw new InvalidInputException("week", "has no such week number");
		}
		return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
	}

	static String isoWeek(LocalDate day) {
		return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/**
	 * The agent's pattern, exceptions and region.
	 * @throws NotFoundException for an unknown agent
	 */
	@Transactional(readOnly = true)
	public AgentRota rotaOf(UUID agentId) {
		AgentView agent = agent(agentId);
		Optional<String> region = this.store.region(agentId);
		return new AgentRota(agentId, agent.displayName(), ShiftRota.zoneOf(agent).getId(),
				region.orElse(RegionHolidays.regionOf(agent.timeZone())), region.isEmpty(), this.store.pattern(agentId),
				this.store.exceptions(agentId));
	}

	/**
	 * Replaces the agent's weekly pattern; an empty list means always on shift.
	 * @throws InvalidInputException when a shift is incomplete, empty or overlaps another
	 */
	@Transactional
	public List<WeeklyShift> replacePattern(UUID agentId, List<WeeklyShift> shifts) {
		agent(agentId);
		List<WeeklyShift> checked = checkPattern(shifts);
		this.store.replacePattern(agentId, checked);
		changed();
		return checked;
	}

	/**
	 * Records leave or an extra shift.
	 * @throws InvalidInputException when the period is missing, reversed or longer than a
	 * year, or the note too long
	 */
	@Transactional
	public ShiftExceptionView addException(UUID agentId, NewShiftException command, UUID by) {
		agent(agentId);
		if (command.kind() == null) {
			throw new InvalidInputException("kind", "must be LEAVE or EXTRA");
		}
		if (command.startsAt() == null || command.endsAt() == null) {
			throw new InvalidInputException("startsAt", "start and end are required");
		}
		if (!command.endsAt().isAfter(command.startsAt())) {
			throw new InvalidInputException("endsAt", "must be after startsAt");
		}
		if (Duration.between(command.startsAt(), command.endsAt()).compareTo(MAX_EXCEPTION) > 0) {
			throw new InvalidInputException("endsAt", "an exception may last at most 366 days");
		}
		String note = command.note() == null ? "" : command.note().strip();
		if (note.length() > 500) {
			throw new InvalidInputException("note", "must be at most 500 characters");
		}
		ShiftExceptionView exception = new ShiftExceptionView(UUID.randomUUID(), agentId, command.kind(),
				command.startsAt(), command.endsAt(), note);
		this.store.addException(exception, by, this.clock.instant());
		changed();
		return exception;
	}

	/**
	 * @throws NotFoundException when the agent has no such exception
	 */
	@Transactional
	public void deleteException(UUID agentId, UUID exceptionId) {
		if (!this.store.deleteException(agentId, exceptionId)) {
			throw new NotFoundException("Shift exception", exceptionId);
		}
		changed();
	}

	/**
	 * Sets the region whose public holidays the agent observes; null returns to the
	 * region of the agent's time zone.
	 * @throws InvalidInputException for a code that is not two letters
	 */
	@Transactional
	public void setRegion(UUID agentId, String region) {
		agent(agentId);
		this.store.setRegion(agentId, region == null || region.isBlank() ? null : checkRegion(region));
		changed();
	}

	/**
	 * The region's holidays in the year: published public holidays and custom entries (a
	 * custom entry replaces the published day).
	 * @param year null for the current year
	 */
	@Transactional(readOnly = true)
	public List<HolidayView> holidays(String region, Integer year) {
		String code = checkRegion(region);
		if (year == null) {
			year = LocalDate.now(this.clock).getYear();
		}
		if (year < 1900 || year > 2200) {
			throw new InvalidInputException("year", "must be between 1900 and 2200");
		}
		return new Holidays(this.published, this.store.customHolidays(code, year)).list(code, year);
	}

	/** All custom holiday entries of all regions. */
	@Transactional(readOnly = true)
	public List<HolidayView> customHolidays() {
		return this.store.customHolidays();
	}

	/**
	 * Adds a company day off to a region ({@code off = true}), or marks a published
	 * holiday as a working day ({@code off = false}); replaces an earlier entry for the
	 * same day.
	 */
	@Transactional
	public HolidayView putHoliday(String region, LocalDate date, String name, boolean off) {
		String code = checkRegion(region);
		if (date == null) {
			throw new InvalidInputException("date", "is required");
		}
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw new InvalidInputException("name", "must be 1 to 200 characters");
		}
		HolidayView holiday = this.store.putHoliday(code, date, name.strip(), off, this.clock.instant());
		changed();
		return holiday;
	}

	/**
	 * @throws NotFoundException when there is no such custom entry
	 */
	@Transactional
	public void deleteHoliday(UUID holidayId) {
		if (!this.store.deleteHoliday(holidayId)) {
			throw new NotFoundException("Holiday", holidayId);
		}
		changed();
	}

	/** Region codes with a published calendar (ISO 3166 alpha-2, upper case). */
	public boolean hasPublishedCalendar(String region) {
		return this.published.knows(checkRegion(region));
	}

	static String checkRegion(String region) {
		if (region == null || !region.strip().matches("[A-Za-z]{2}")) {
			throw new InvalidInputException("region", "must be a two-letter ISO 3166 country code");
		}
		return region.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * Checks and orders a weekly pattern: every shift complete and not empty, none
	 * overlapping another (night shifts and Sunday into Monday included).
	 */
	static List<WeeklyShift> checkPattern(List<WeeklyShift> shifts) {
		if (shifts == null) {
			throw new InvalidInputException("shifts", "is required");
		}
		if (shifts.size() > MAX_SHIFTS) {
			throw new InvalidInputException("shifts", "at most " + MAX_SHIFTS + " shifts a week");
		}
		for (WeeklyShift shift : shifts) {
			if (shift == null || shift.day() == null || shift.start() == null || shift.end() == null) {
				throw new InvalidInputException("shifts", "every shift needs a day, a start and an end");
			}
			if (shift.start().equals(shift.end())) {
				throw new InvalidInputException("shifts", "a shift cannot start and end at the same time");
			}
		}
		List<WeeklyShift> sorted = new ArrayList<>(shifts);
		sorted.sort(Comparator.comparing(WeeklyShift::day).thenComparing(WeeklyShift::start));
		for (int i = 0; i < sorted.size(); i++) {
			for (int j = i + 1; j < sorted.size(); j++) {
				if (overlap(sorted.get(i), sorted.get(j))) {
					throw new InvalidInputException("shifts",
							"shifts overlap: " + describe(sorted.get(i)) + " and " + describe(sorted.get(j)));
				}
			}
		}
		return List.copyOf(sorted);
	}

	/**
	 * Overlap on the nominal week (minutes from Monday 00:00, wrapping at the week's
	 * end).
	 */
	private static boolean overlap(WeeklyShift a, WeeklyShift b) {
		int aStart = startMinute(a);
		int aLength = lengthMinutes(a);
		int bStart = startMinute(b);
		int bLength = lengthMinutes(b);
		int bFromA = Math.floorMod(bStart - aStart, MINUTES_PER_WEEK);
		int aFromB = Math.floorMod(aStart - bStart, MINUTES_PER_WEEK);
		return bFromA < aLength || aFromB < bLength;
	}

	private static int startMinute(WeeklyShift shift) {
		return (shift.day().getValue() - 1) * 24 * 60 + shift.start().getHour() * 60 + shift.start().getMinute();
	}

	private static int lengthMinutes(WeeklyShift shift) {
		int minutes = (shift.end().getHour() * 60 + shift.end().getMinute())
				- (shift.start().getHour() * 60 + shift.start().getMinute());
		return minutes <= 0 ? minutes + 24 * 60 : minutes;
	}

	private static String describe(WeeklyShift shift) {
		return shift.day() + " " + shift.start() + "-" + shift.end();
	}

	private AgentView agent(UUID agentId) {
		return this.agents.find(agentId).orElseThrow(() -> new NotFoundException("Agent", agentId));
	}

	private void changed() {
		this.store.bumpVersion();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ShiftManagement.this.rota.rebuildAfterChange();
				}
			});
		}
		else {
			this.rota.rebuildAfterChange();
		}
	}

}
