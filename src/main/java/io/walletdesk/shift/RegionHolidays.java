package io.walletdesk.shift;

import java.net.URL;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.util.TimeZone;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Published public holidays per region from the jollyday calendars. Jollyday has no
 * calendar for mainland China, so WalletDesk ships one in jollyday's format
 * ({@code holidays/walletdesk/Holidays_cn.xml}). Results are cached per region and year:
 * the calendars are fixed for the life of the process.
 */
final class RegionHolidays {

	private static final Map<String, String> OWN_CALENDARS = Map.of("CN", "holidays/walletdesk/Holidays_cn.xml");

	private final Map<String, Optional<HolidayManager>> managers = new ConcurrentHashMap<>();

	private final Map<String, Map<LocalDate, String>> byRegionYear = new ConcurrentHashMap<>();

	/**
	 * The region's official holidays in the year, by date, with English names; empty for
	 * a region without a calendar.
	 */
	Map<LocalDate, String> holidays(String region, int year) {
		return this.byRegionYear.computeIfAbsent(region + ":" + year, key -> load(region, year));
	}

	boolean isHoliday(String region, LocalDate date) {
		return holidays(region, date.getYear()).containsKey(date);
	}

	/** Whether a calendar exists for the region. */
	boolean knows(String region) {
		return manager(region).isPresent();
	}

	private Map<LocalDate, String> load(String region, int year) {
		return manager(region).map(manager -> {
			List<Holiday> official = new ArrayList<>();
			for (Holiday holiday : manager.getHolidays(Year.of(year))) {
				// Observances (Mother's Day and the like) are working days; getDate is
				// the day
				// off, which moves to a weekday when the holiday falls on a weekend.
				if (holiday.getType() != HolidayType.OBSERVANCE) {
					official.add(holiday);
				}
			}
			official.sort(Comparator.comparing(Holiday::getDate));
			Map<LocalDate, String> dates = new java.util.LinkedHashMap<>();
			for (Holiday holiday : official) {
				dates.putIfAbsent(holiday.getDate(), holiday.getDescription(Locale.ENGLISH));
			}
			return Map.copyOf(dates);
		}).orElse(Map.of());
	}

	private Optional<HolidayManager> manager(String region) {
		return this.managers.computeIfAbsent(region, code -> {
			try {
				String own = OWN_CALENDARS.get(code);
				if (own != null) {
					URL url = RegionHolidays.class.getClassLoader().getResource(own);
					return Optional.of(HolidayManager.getInstance(ManagerParameters.create(url)));
				}
				if (!HolidayManager.getSupportedCalendarCodes().contains(code.toUpperCase(Locale.ROOT))) {
					return Optional.empty();
				}
				return Optional.of(HolidayManager.getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT))));
			}
			catch (RuntimeException ex) {
				return Optional.empty();
			}
		});
	}

	/**
	 * The region an agent in the zone most likely observes holidays of (ICU's zone to
	 * country table: Asia/Shanghai is CN, Europe/London GB); null for zones of no country
	 * such as UTC.
	 */
	static String regionOf(String zoneId) {
		if (zoneId == null) {
			return null;
		}
		try {
			String region = TimeZone.getRegion(zoneId);
			return region != null && region.matches("[A-Z]{2}") ? region : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
