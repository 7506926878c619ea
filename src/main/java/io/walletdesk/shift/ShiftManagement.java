package io.walletdesk.shift;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;

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

	private final ShiftStore store;

	private final ShiftRota rota;

	private final RegionHolidays published;

	private final AgentManagement agents;

	private final Clock clock;

	ShiftManagement(ShiftStore store, ShiftRota rota, RegionHolidays published, AgentManagement agents, Clock clock) {
		this.store = store;
		this.rota = rota;
		this.published = published;
		this.agents = agents;
		this.clock = clock;
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
	 */
	@Transactional(readOnly = true)
	public List<HolidayView> holidays(String region, int year) {
		String code = checkRegion(region);
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
					ShiftManagement.this.rota.rebuild();
				}
			});
		}
		else {
			this.rota.rebuild();
		}
	}

}
