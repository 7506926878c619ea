package io.walletdesk.shift;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import io.walletdesk.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShiftPatternUnitTests {

	private static WeeklyShift shift(DayOfWeek day, String start, String end) {
		return new WeeklyShift(day, LocalTime.parse(start), LocalTime.parse(end));
	}

	@Test
	void acceptsSeveralShiftsADayAndOrdersThem() {
		List<WeeklyShift> pattern = ShiftManagement.checkPattern(List.of(shift(DayOfWeek.MONDAY, "18:00", "22:00"),
				shift(DayOfWeek.MONDAY, "08:00", "12:00"), shift(DayOfWeek.SUNDAY, "22:00", "06:00")));
		assertThat(pattern).extracting(WeeklyShift::start)
			.containsExactly(LocalTime.of(8, 0), LocalTime.of(18, 0), LocalTime.of(22, 0));
	}

	@Test
	void rejectsOverlapsIncludingANightShiftIntoTheNextDayAndSundayIntoMonday() {
		assertThatThrownBy(() -> ShiftManagement.checkPattern(
				List.of(shift(DayOfWeek.MONDAY, "08:00", "12:00"), shift(DayOfWeek.MONDAY, "11:00", "15:00"))))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ShiftManagement.checkPattern(
				List.of(shift(DayOfWeek.TUESDAY, "22:00", "06:00"), shift(DayOfWeek.WEDNESDAY, "05:00", "09:00"))))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ShiftManagement.checkPattern(
				List.of(shift(DayOfWeek.SUNDAY, "22:00", "02:00"), shift(DayOfWeek.MONDAY, "01:00", "09:00"))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(ShiftManagement.checkPattern(
				List.of(shift(DayOfWeek.SUNDAY, "22:00", "02:00"), shift(DayOfWeek.MONDAY, "02:00", "09:00"))))
			.as("touching at the end is fine")
			.hasSize(2);
	}

	@Test
	void rejectsEmptyAndIncompleteShifts() {
		assertThatThrownBy(() -> ShiftManagement.checkPattern(List.of(shift(DayOfWeek.MONDAY, "08:00", "08:00"))))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ShiftManagement
			.checkPattern(List.of(new WeeklyShift(null, LocalTime.of(8, 0), LocalTime.of(9, 0)))))
			.isInstanceOf(InvalidInputException.class);
	}

}
