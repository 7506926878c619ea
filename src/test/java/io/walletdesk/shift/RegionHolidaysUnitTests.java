package io.walletdesk.shift;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionHolidaysUnitTests {

	private final RegionHolidays published = new RegionHolidays();

	@Test
	void knowsMainlandChinasNationalDayAndSpringFestival() {
		assertThat(this.published.isHoliday("CN", LocalDate.of(2026, 10, 1))).isTrue();
		assertThat(this.published.isHoliday("CN", LocalDate.of(2026, 10, 3))).isTrue();
		assertThat(this.published.isHoliday("CN", LocalDate.of(2026, 2, 17))).isTrue();
		assertThat(this.published.isHoliday("CN", LocalDate.of(2026, 10, 9))).isFalse();
		assertThat(this.published.holidays("CN", 2026).get(LocalDate.of(2026, 10, 1))).isEqualTo("National Day");
	}

	@Test
	void readsJollydaysCalendarsForOtherRegions() {
		assertThat(this.published.isHoliday("GB", LocalDate.of(2026, 12, 25))).isTrue();
		assertThat(this.published.isHoliday("DE", LocalDate.of(2026, 10, 3))).as("German Unity Day").isTrue();
		assertThat(this.published.isHoliday("BR", LocalDate.of(2026, 9, 7))).as("Independence Day").isTrue();
		assertThat(this.published.isHoliday("GB", LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(this.published.knows("ZZ")).isFalse();
		assertThat(this.published.holidays("ZZ", 2026)).isEmpty();
	}

	@Test
	void derivesTheRegionFromTheTimeZone() {
		assertThat(RegionHolidays.regionOf("Asia/Shanghai")).isEqualTo("CN");
		assertThat(RegionHolidays.regionOf("Europe/London")).isEqualTo("GB");
		assertThat(RegionHolidays.regionOf("Europe/Berlin")).isEqualTo("DE");
		assertThat(RegionHolidays.regionOf("America/Sao_Paulo")).isEqualTo("BR");
		assertThat(RegionHolidays.regionOf("UTC")).isNull();
		assertThat(RegionHolidays.regionOf("Mars/Olympus")).isNull();
	}

	@Test
	void customEntryAddsACompanyDayAndCanCancelAPublishedHoliday() {
		Holidays holidays = new Holidays(this.published,
				List.of(new HolidayView(UUID.randomUUID(), "GB", LocalDate.of(2026, 12, 24), "Company day",
						HolidayView.Source.CUSTOM, true),
						new HolidayView(UUID.randomUUID(), "GB", LocalDate.of(2026, 12, 28), "Worked",
								HolidayView.Source.CUSTOM, false)));
		assertThat(holidays.isHoliday("GB", LocalDate.of(2026, 12, 24))).isTrue();
		assertThat(this.published.isHoliday("GB", LocalDate.of(2026, 12, 28))).as("Boxing Day substitute").isTrue();
		assertThat(holidays.isHoliday("GB", LocalDate.of(2026, 12, 28))).isFalse();
		assertThat(holidays.list("GB", 2026)).anySatisfy(day -> {
			assertThat(day.date()).isEqualTo(LocalDate.of(2026, 12, 24));
			assertThat(day.source()).isEqualTo(HolidayView.Source.CUSTOM);
		});
	}

}
