package io.walletdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessCalendarUnitTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static Map<DayOfWeek, BusinessCalendar.Hours> weekdays(String hours) {
		Map<DayOfWeek, BusinessCalendar.Hours> map = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				map.put(day, BusinessCalendar.Hours.parse(hours));
			}
		}
		return map;
	}

	private static Instant berlin(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
	}

	@Test
	void anHourFromFridayEveningIsDueMondayMorning() {
		BusinessCalendar calendar = BusinessCalendar.businessHours(BERLIN, weekdays("09:00-18:00"), date -> false);
		// 2026-11-27 is a Friday.
		assertThat(calendar.add(berlin("2026-11-27T17:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-30T09:30"));
	}

	@Test
	void aHolidaySkipsTheWholeDay() {
		Set<LocalDate> closed = Set.of(LocalDate.parse("2026-11-30"));
		BusinessCalendar calendar = BusinessCalendar.businessHours(BERLIN, weekdays("09:00-18:00"), closed::contains);
		assertThat(calendar.add(berlin("2026-11-27T17:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-12-01T09:30"));
	}

	@Test
	void timeStartsAtTheNextOpeningWhenStartedAtNight() {
		BusinessCalendar calendar = BusinessCalendar.businessHours(BERLIN, weekdays("09:00-18:00"), date -> false);
		assertThat(calendar.add(berlin("2026-12-01T22:00"), Duration.ofMinutes(15)))
			.isEqualTo(berlin("2026-12-02T09:15"));
	}

	@Test
	void aDaylightSavingNightIsAnHourShorterAroundTheClock() {
		// Berlin moves from 02:00 to 03:00 on 2026-03-29: the day has 23 hours.
		BusinessCalendar calendar = BusinessCalendar.businessHours(BERLIN,
				Map.of(DayOfWeek.SUNDAY, BusinessCalendar.Hours.parse("00:00-24:00"), DayOfWeek.MONDAY,
						BusinessCalendar.Hours.parse("00:00-24:00")),
				date -> false);
		Instant start = berlin("2026-03-29T00:00");
		assertThat(calendar.between(start, berlin("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
		assertThat(calendar.add(start, Duration.ofHours(3))).isEqualTo(berlin("2026-03-29T04:00"));
	}

	@Test
	void betweenCountsOnlyOpenHours() {
		BusinessCalendar calendar = BusinessCalendar.businessHours(BERLIN, weekdays("09:00-18:00"), date -> false);
		assertThat(calendar.between(berlin("2026-11-27T17:00"), berlin("2026-11-30T10:00")))
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void alwaysOpenIsPlainArithmetic() {
		BusinessCalendar calendar = BusinessCalendar.alwaysOpen();
		Instant at = Instant.parse("2026-12-05T23:59:00Z");
		assertThat(calendar.add(at, Duration.ofMinutes(3))).isEqualTo(Instant.parse("2026-12-06T00:02:00Z"));
	}

	@Test
	void rejectsHoursThatCloseBeforeTheyOpen() {
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.Hours.parse("18:00-09:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.Hours.parse("9am-5pm"));
	}

	@Test
	void aPausedTimerResumesWithTheBusinessTimeThatWasLeft() {
		BusinessCalendar calendar = BusinessCalendar.businessHours(BERLIN, weekdays("09:00-18:00"), date -> false);
		Timer timer = Timer.start(java.util.UUID.randomUUID(), "firstResponse", 60, "Normal",
				berlin("2026-12-01T17:00"), calendar, null, null);
		assertThat(timer.dueAt()).isEqualTo(berlin("2026-12-01T18:00"));
		Timer paused = timer.pause(berlin("2026-12-01T17:20"), calendar);
		assertThat(paused.remainingSeconds()).isEqualTo(40 * 60);
		Timer resumed = paused.resume(berlin("2026-12-02T10:00"), calendar);
		assertThat(resumed.dueAt()).isEqualTo(berlin("2026-12-02T10:40"));
		assertThat(resumed.state()).isEqualTo("active");
	}

	@Test
	void theDeadlineItselfIsMissed() {
		Instant start = Instant.parse("2026-12-01T10:00:00Z");
		Timer timer = Timer.start(java.util.UUID.randomUUID(), "firstResponse", 3, "Urgent", start,
				BusinessCalendar.alwaysOpen(), null, null);
		assertThat(timer.complete(start.plusSeconds(179)).state()).isEqualTo("met");
		assertThat(timer.complete(start.plusSeconds(180)).state()).isEqualTo("missed");
	}

}
