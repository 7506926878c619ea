package io.walletdesk.shift;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A day in a region's holiday calendar.
 *
 * @param id the custom entry's id; null for a published public holiday
 * @param source where the day comes from
 * @param off true when agents of the region are off; false for a published holiday the
 * company works (a custom entry overriding it)
 */
public record HolidayView(UUID id, String region, LocalDate date, String name, Source source, boolean off) {

	public enum Source {

		// The region's published public holidays.
		PUBLIC,

		// Added or overridden by an admin.
		CUSTOM

	}

}
