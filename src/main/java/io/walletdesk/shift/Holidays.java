package io.walletdesk.shift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The holiday calendar the rota applies: each region's published holidays with the
 * admins' custom entries on top (a custom entry wins for its day, both to add a company
 * day off and to work a published holiday).
 */
final class Holidays {

	private final RegionHolidays published;

	private final Map<String, Map<LocalDate, HolidayView>> custom = new HashMap<>();

	Holidays(RegionHolidays published, List<HolidayView> custom) {
		this.published = published;
		for (HolidayView holiday : custom) {
			this.custom.computeIfAbsent(holiday.region(), r -> new HashMap<>()).put(holiday.date(), holiday);
		}
	}

	boolean isHoliday(String region, LocalDate date) {
		HolidayView own = this.custom.getOrDefault(region, Map.of()).get(date);
		if (own != null) {
			return own.off();
		}
		return this.published.isHoliday(region, date);
	}

	/** The region's calendar for the year: published days and custom entries, by date. */
	List<HolidayView> list(String region, int year) {
		Map<LocalDate, HolidayView> days = new HashMap<>();
		this.published.holidays(region, year)
			.forEach((date, name) -> days.put(date,
					new HolidayView(null, region, date, name, HolidayView.Source.PUBLIC, true)));
		this.custom.getOrDefault(region, Map.of()).forEach((date, holiday) -> {
			if (date.getYear() == year) {
				days.put(date, holiday);
			}
		});
		List<HolidayView> list = new ArrayList<>(days.values());
		list.sort(Comparator.comparing(HolidayView::date));
		return list;
	}

}
