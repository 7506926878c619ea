package io.walletdesk.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.shift.Rota;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns stored calendars into business-time arithmetic, with the region's public holidays
 * from the shift module's {@link Rota}.
 */
@Component
class Calendars {

	private final SlaStore store;

	private final ObjectProvider<Rota> rota;

	Calendars(SlaStore store, ObjectProvider<Rota> rota) {
		this.store = store;
		this.rota = rota;
	}

	/**
	 * The calendar a ticket counts in: the policy's, else its group's, else the default.
	 */
	SlaCalendar choose(SlaPolicy policy, UUID groupId) {
		if (policy != null && policy.calendarId() != null) {
			SlaCalendar own = this.store.calendar(policy.calendarId()).orElse(null);
			if (own != null && own.enabled()) {
				return own;
			}
		}
		return this.store.calendarFor(groupId).orElse(null);
	}

	/** The arithmetic of a stored calendar; always open when there is none. */
	BusinessCalendar of(UUID calendarId) {
		return calendarId == null ? BusinessCalendar.alwaysOpen()
				: this.store.calendar(calendarId).map(this::of).orElse(BusinessCalendar.alwaysOpen());
	}

	BusinessCalendar of(SlaCalendar calendar) {
		if (calendar == null || calendar.alwaysOpen()) {
			return BusinessCalendar.alwaysOpen();
		}
		Map<DayOfWeek, BusinessCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
		calendar.hours()
			.forEach((day, text) -> hours.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)),
					BusinessCalendar.Hours.parse(text)));
		Set<LocalDate> extra = new HashSet<>(calendar.extraHolidays());
		String region = calendar.holidayRegion();
		Rota holidays = this.rota.getIfAvailable();
		return BusinessCalendar.businessHours(ZoneId.of(calendar.zone()), hours, date -> extra.contains(date)
				|| (region != null && holidays != null && holidays.isHoliday(region, date)));
	}

}
