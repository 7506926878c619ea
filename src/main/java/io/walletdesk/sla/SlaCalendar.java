package io.walletdesk.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When service-level time runs: around the clock, or during business hours per weekday in
 * a zone, minus the public holidays of a region and extra closed dates.
 *
 * @param hours per weekday ({@code MONDAY} ... {@code SUNDAY}) {@code HH:mm-HH:mm};
 * absent weekdays are closed; ignored when always open
 * @param holidayRegion ISO 3166 code whose public holidays close the calendar; may be
 * null
 * @param groupId the group whose tickets use it; null for none
 * @param isDefault used by tickets whose group has no calendar of its own
 */
public record SlaCalendar(UUID id, String name, String zone, boolean alwaysOpen, Map<String, String> hours,
		String holidayRegion, List<LocalDate> extraHolidays, UUID groupId, boolean isDefault, boolean enabled) {

	/**
	 * What an admin enters to create or change a calendar.
	 */
	public record Input(String name, String zone, Boolean alwaysOpen, Map<String, String> hours, String holidayRegion,
			List<LocalDate> extraHolidays, UUID groupId, Boolean isDefault, Boolean enabled) {
	}

}
