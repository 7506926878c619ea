package io.walletdesk.shift;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentScheduleUnitTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private static final BiPredicate<String, LocalDate> NO_HOLIDAYS = (region, date) -> false;

	private static AgentSchedule schedule(ZoneId zone, List<WeeklyShift> pattern, ShiftExceptionView... exceptions) {
		return new AgentSchedule(UUID.randomUUID(), zone, null, pattern, List.of(exceptions), NO_HOLIDAYS);
	}

	private static WeeklyShift shift(DayOfWeek day, String start, String end) {
		return new WeeklyShift(day, LocalTime.parse(start), LocalTime.parse(end));
	}

	private static List<WeeklyShift> everyDay(String start, String end) {
		return java.util.Arrays.stream(DayOfWeek.values()).map(day -> shift(day, start, end)).toList();
	}

	private static Duration onShiftDuring(AgentSchedule schedule, Instant from, Instant to) {
		Duration total = Duration.ZERO;
		for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofMinutes(1))) {
			if (schedule.onShift(at)) {
				total = total.plusMinutes(1);
			}
		}
		return total;
	}

	@Test
	void startIsInclusiveAndEndExclusive() {
		AgentSchedule schedule = schedule(ZoneId.of("UTC"), List.of(shift(DayOfWeek.TUESDAY, "09:00", "17:00")));
		assertThat(schedule.onShift(Instant.parse("2026-12-01T08:59:59Z"))).isFalse();
		assertThat(schedule.onShift(Instant.parse("2026-12-01T09:00:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-12-01T16:59:59Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-12-01T17:00:00Z"))).isFalse();
		assertThat(schedule.onShift(Instant.parse("2026-12-02T10:00:00Z"))).as("Wednesday has no shift").isFalse();
	}

	@Test
	void nightShiftRunsPastMidnightIntoTheNextDay() {
		AgentSchedule schedule = schedule(ZoneId.of("Asia/Shanghai"),
				List.of(shift(DayOfWeek.SUNDAY, "22:00", "06:00")));
		// Sunday 2026-12-06 22:00 Shanghai = 14:00 UTC; Monday 06:00 Shanghai = Sunday
		// 22:00 UTC.
		assertThat(schedule.onShift(Instant.parse("2026-12-06T13:59:00Z"))).isFalse();
		assertThat(schedule.onShift(Instant.parse("2026-12-06T14:00:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-12-06T18:00:00Z"))).as("Monday 02:00 local").isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-12-06T21:59:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-12-06T22:00:00Z"))).isFalse();
	}

	@Test
	void dayShiftKeepsItsLocalHoursOnBothSidesOfLondonsClockChange() {
		AgentSchedule schedule = schedule(LONDON, everyDay("09:00", "17:00"));
		// Before the change (GMT) 09:00 local is 09:00 UTC; after it (BST) 08:00 UTC.
		assertThat(schedule.onShift(Instant.parse("2026-03-27T09:00:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-03-27T08:30:00Z"))).isFalse();
		assertThat(schedule.onShift(Instant.parse("2026-03-30T08:00:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-03-30T16:00:00Z"))).isFalse();
		assertThat(schedule.onShift(Instant.parse("2026-10-26T16:30:00Z"))).isTrue();
	}

	@Test
	void shiftOverTheSpringForwardHourInLondonIsOneHourLong() {
		// 2026-03-29: at 01:00 GMT the clocks jump to 02:00 BST.
		AgentSchedule schedule = schedule(LONDON, List.of(shift(DayOfWeek.SUNDAY, "01:00", "03:00")));
		assertThat(
				onShiftDuring(schedule, Instant.parse("2026-03-28T22:00:00Z"), Instant.parse("2026-03-29T06:00:00Z")))
			.isEqualTo(Duration.ofHours(1));
		assertThat(schedule.onShift(Instant.parse("2026-03-29T01:00:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-03-29T02:00:00Z"))).isFalse();
	}

	@Test
	void shiftOverTheFallBackHourInLondonLastsTheRepeatedHourToo() {
		// 2026-10-25: at 02:00 BST the clocks go back to 01:00 GMT, so 01:00-02:00 local
		// happens twice and a 01:00-03:00 shift is worked for three hours.
		AgentSchedule schedule = schedule(LONDON, List.of(shift(DayOfWeek.SUNDAY, "01:00", "03:00")));
		assertThat(
				onShiftDuring(schedule, Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T06:00:00Z")))
			.isEqualTo(Duration.ofHours(3));
		assertThat(schedule.onShift(Instant.parse("2026-10-25T00:00:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-10-25T03:00:00Z"))).isFalse();
		// An ordinary 02:00-04:00 shift after the change is two hours, starting at GMT.
		AgentSchedule later = schedule(LONDON, List.of(shift(DayOfWeek.SUNDAY, "02:00", "04:00")));
		assertThat(onShiftDuring(later, Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T06:00:00Z")))
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void followsSaoPaulosHistoricDaylightSavingRules() {
		// Brazil kept daylight saving until 2019: on 2018-11-04 midnight became 01:00, on
		// 2019-02-17 midnight went back to 23:00 of the day before.
		AgentSchedule midnight = schedule(SAO_PAULO, everyDay("00:00", "02:00"));
		assertThat(
				onShiftDuring(midnight, Instant.parse("2018-11-04T00:00:00Z"), Instant.parse("2018-11-04T12:00:00Z")))
			.as("spring forward: 00:00 does not exist, the shift starts at 01:00 -02")
			.isEqualTo(Duration.ofHours(1));
		assertThat(midnight.onShift(Instant.parse("2018-11-04T03:00:00Z"))).isTrue();
		assertThat(midnight.onShift(Instant.parse("2018-11-04T04:00:00Z"))).isFalse();
		assertThat(
				onShiftDuring(midnight, Instant.parse("2019-02-17T00:00:00Z"), Instant.parse("2019-02-17T12:00:00Z")))
			.as("fall back: 23:00-00:00 repeats, the shift starts at 00:00 -03")
			.isEqualTo(Duration.ofHours(2));
		// Since 2019 São Paulo stays at -03 all year: 09:00 local is 12:00 UTC in
		// January.
		AgentSchedule day = schedule(SAO_PAULO, everyDay("09:00", "18:00"));
		assertThat(day.onShift(Instant.parse("2018-01-10T11:00:00Z"))).as("-02 in summer 2018").isTrue();
		assertThat(day.onShift(Instant.parse("2027-01-11T11:00:00Z"))).as("-03 in summer 2027").isFalse();
		assertThat(day.onShift(Instant.parse("2027-01-11T12:00:00Z"))).isTrue();
	}

	@Test
	void leaveTakesTheAgentOffAndAnExtraShiftPutsThemOn() {
		UUID id = UUID.randomUUID();
		ShiftExceptionView leave = new ShiftExceptionView(UUID.randomUUID(), id, ExceptionKind.LEAVE,
				Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"), "dentist");
		ShiftExceptionView extra = new ShiftExceptionView(UUID.randomUUID(), id, ExceptionKind.EXTRA,
				Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-05T14:00:00Z"), "launch weekend");
		AgentSchedule schedule = schedule(ZoneId.of("UTC"),
				java.util.Arrays.stream(DayOfWeek.values())
					.filter(d -> d.getValue() <= 5)
					.map(d -> shift(d, "09:00", "17:00"))
					.toList(),
				leave, extra);
		assertThat(schedule.onShift(Instant.parse("2026-12-01T10:00:00Z"))).as("on leave").isFalse();
		assertThat(schedule.onShift(Instant.parse("2026-12-02T10:00:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-12-05T09:59:00Z"))).isFalse();
		assertThat(schedule.onShift(Instant.parse("2026-12-05T10:00:00Z"))).as("extra shift on Saturday").isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-12-05T14:00:00Z"))).isFalse();
	}

	@Test
	void holidayOfTheRegionCancelsTheShiftsStartingThatDayUnlessAnExtraShiftCoversIt() {
		BiPredicate<String, LocalDate> nationalDay = (region, date) -> "CN".equals(region)
				&& date.equals(LocalDate.of(2026, 10, 1));
		UUID id = UUID.randomUUID();
		List<WeeklyShift> nights = everyDay("22:00", "06:00");
		AgentSchedule schedule = new AgentSchedule(id, ZoneId.of("Asia/Shanghai"), "CN", nights, List.of(),
				nationalDay);
		// 2026-09-30 22:00 Shanghai (14:00 UTC) starts the day before: worked into Oct 1.
		assertThat(schedule.onShift(Instant.parse("2026-09-30T20:00:00Z"))).isTrue();
		// The shift starting on Oct 1 22:00 is a holiday shift.
		assertThat(schedule.onShift(Instant.parse("2026-10-01T15:00:00Z"))).isFalse();
		assertThat(schedule.onShift(Instant.parse("2026-10-02T15:00:00Z"))).isTrue();
		ShiftExceptionView extra = new ShiftExceptionView(UUID.randomUUID(), id, ExceptionKind.EXTRA,
				Instant.parse("2026-10-01T14:00:00Z"), Instant.parse("2026-10-01T22:00:00Z"), "on call");
		AgentSchedule covered = new AgentSchedule(id, ZoneId.of("Asia/Shanghai"), "CN", nights, List.of(extra),
				nationalDay);
		assertThat(covered.onShift(Instant.parse("2026-10-01T15:00:00Z"))).isTrue();
		AgentSchedule elsewhere = new AgentSchedule(id, ZoneId.of("Asia/Shanghai"), "GB", nights, List.of(),
				nationalDay);
		assertThat(elsewhere.onShift(Instant.parse("2026-10-01T15:00:00Z"))).as("not a GB holiday").isTrue();
	}

	@Test
	void agentWithoutPatternIsAlwaysOnShiftExceptOnLeave() {
		UUID id = UUID.randomUUID();
		ShiftExceptionView leave = new ShiftExceptionView(UUID.randomUUID(), id, ExceptionKind.LEAVE,
				Instant.parse("2026-12-24T00:00:00Z"), Instant.parse("2026-12-27T00:00:00Z"), "");
		AgentSchedule schedule = new AgentSchedule(id, LONDON, "GB", List.of(), List.of(leave), (r, d) -> true);
		assertThat(schedule.onShift(Instant.parse("2026-12-01T03:00:00Z"))).isTrue();
		assertThat(schedule.onShift(Instant.parse("2026-12-25T12:00:00Z"))).isFalse();
		assertThat(schedule.next(Instant.parse("2026-12-25T12:00:00Z"), Instant.parse("2027-01-08T12:00:00Z")))
			.contains(Instant.parse("2026-12-27T00:00:00Z"));
	}

	@Test
	void nextShiftAfterFridayEveningIsMondayMorningInTheAgentsZone() {
		AgentSchedule schedule = schedule(ZoneId.of("Europe/Berlin"),
				java.util.Arrays.stream(DayOfWeek.values())
					.filter(d -> d.getValue() <= 5)
					.map(d -> shift(d, "08:00", "16:00"))
					.toList());
		// Friday 2026-12-04 18:00 UTC -> Monday 2026-12-07 08:00 CET = 07:00 UTC.
		Instant friday = Instant.parse("2026-12-04T18:00:00Z");
		assertThat(schedule.next(friday, friday.plus(Duration.ofDays(14))))
			.contains(Instant.parse("2026-12-07T07:00:00Z"));
		assertThat(schedule.next(Instant.parse("2026-12-04T10:00:00Z"), friday)).as("already on shift")
			.contains(Instant.parse("2026-12-04T10:00:00Z"));
		assertThat(schedule.next(friday, Instant.parse("2026-12-07T07:00:00Z"))).as("until is exclusive").isEmpty();
		assertThat(Set.of(schedule.onShift(Instant.parse("2026-12-07T07:00:00Z")))).containsExactly(true);
	}

}
