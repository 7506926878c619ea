package io.walletdesk.channel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import io.walletdesk.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficeHoursUnitTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void emptyHoursAreAlwaysOpen() {
		OfficeHours hours = OfficeHours.parse("  ", null);
		assertThat(hours.isOpen(Instant.parse("2026-12-25T03:00:00Z"))).isTrue();
		assertThat(hours.nextOpening(Instant.parse("2026-12-25T03:00:00Z"))).isEmpty();
		assertThat(hours.describe(Locale.CHINESE)).containsExactly("全天 24 小时");
	}

	@Test
	void weekdayHoursInTheInboxTimeZone() {
		OfficeHours hours = OfficeHours.parse("Mon-Fri 09:00-18:00; Sat 10:00-14:00", "Asia/Shanghai");
		// 2026-11-30 is a Monday.
		assertThat(hours.isOpen(at("2026-11-30T09:00", SHANGHAI))).isTrue();
		assertThat(hours.isOpen(at("2026-11-30T08:59", SHANGHAI))).isFalse();
		assertThat(hours.isOpen(at("2026-11-30T18:00", SHANGHAI))).as("the end is exclusive").isFalse();
		assertThat(hours.isOpen(at("2026-12-05T13:59", SHANGHAI))).isTrue();
		assertThat(hours.nextOpening(at("2026-12-05T14:00", SHANGHAI))).contains(at("2026-12-07T09:00", SHANGHAI));
		assertThat(hours.nextOpening(at("2026-11-30T10:00", SHANGHAI))).as("open now").isEmpty();
	}

	@Test
	void overnightRangesRunIntoTheNextDay() {
		OfficeHours hours = OfficeHours.parse("Fri 22:00-02:00", "UTC");
		// 2026-12-04 is a Friday.
		assertThat(hours.isOpen(at("2026-12-05T01:59", ZoneId.of("UTC")))).isTrue();
		assertThat(hours.isOpen(at("2026-12-05T02:00", ZoneId.of("UTC")))).isFalse();
		assertThat(hours.isOpen(at("2026-12-04T01:00", ZoneId.of("UTC")))).as("Friday early is Thursday night")
			.isFalse();
		assertThat(hours.nextOpening(at("2026-12-04T21:59", ZoneId.of("UTC"))))
			.contains(at("2026-12-04T22:00", ZoneId.of("UTC")));
	}

	@Test
	void dayRangesWrapTheWeekAndMidnightEndsAtTwentyFour() {
		OfficeHours wrap = OfficeHours.parse("Fri-Mon 10:00-12:00", "UTC");
		assertThat(wrap.isOpen(Instant.parse("2026-12-06T11:00:00Z"))).as("Sunday").isTrue();
		assertThat(wrap.isOpen(Instant.parse("2026-12-08T11:00:00Z"))).as("Tuesday").isFalse();

		OfficeHours evening = OfficeHours.parse("mon 20:00-24:00", "UTC");
		assertThat(evening.isOpen(Instant.parse("2026-11-30T23:59:59Z"))).isTrue();
		assertThat(evening.isOpen(Instant.parse("2026-12-01T00:00:00Z"))).isFalse();
	}

	@Test
	void aWindowStartingInTheSkippedHourOpensAsTheWallClockDoes() {
		// Berlin skips 02:00-03:00 on 2026-03-29 (a Sunday): 02:30 does not exist and is
		// read as 03:30 CEST (01:30 UTC), the time a clock that was not moved on would
		// show.
		OfficeHours hours = OfficeHours.parse("Sun 02:30-04:00", "Europe/Berlin");
		assertThat(hours.nextOpening(Instant.parse("2026-03-28T12:00:00Z")))
			.contains(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(hours.isOpen(Instant.parse("2026-03-29T01:29:00Z"))).isFalse();
		assertThat(hours.isOpen(Instant.parse("2026-03-29T01:45:00Z"))).isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-03-29T02:00:00Z"))).isFalse();
	}

	@Test
	void anOvernightWindowAcrossTheClockChangeLastsAsLongAsTheNight() {
		OfficeHours hours = OfficeHours.parse("Sat 22:00-06:00", "Europe/Berlin");
		// 22:00 CET is 21:00 UTC; 06:00 CEST is 04:00 UTC: seven hours, not eight.
		assertThat(hours.isOpen(at("2026-03-28T22:00", BERLIN))).isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-03-29T03:59:00Z"))).isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-03-29T04:00:00Z"))).isFalse();
		// In autumn the same night is nine hours long.
		assertThat(hours.isOpen(Instant.parse("2026-10-25T04:59:00Z"))).isTrue();
		assertThat(hours.isOpen(Instant.parse("2026-10-25T05:00:00Z"))).isFalse();
	}

	@Test
	void describesTheHoursInChineseAndEnglish() {
		OfficeHours hours = OfficeHours.parse("Mon-Fri 9:00-18:00; Sat,Sun 10:00-12:00, 14:00-16:00", "UTC");
		assertThat(hours.describe(Locale.ENGLISH)).containsExactly("Mon–Fri 09:00–18:00",
				"Sat, Sun 10:00–12:00, 14:00–16:00");
		assertThat(hours.describe(Locale.forLanguageTag("zh-CN"))).containsExactly("周一至周五 09:00–18:00",
				"周六、周日 10:00–12:00, 14:00–16:00");
	}

	@Test
	void refusesWhatItCannotRead() {
		for (String text : new String[] { "Mon 9-5", "Funday 09:00-10:00", "Mon 25:00-26:00", "09:00-18:00", "Mon-Fri",
				";" }) {
			assertThatThrownBy(() -> OfficeHours.parse(text, "UTC")).as(text)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("officeHours");
		}
		assertThatThrownBy(() -> OfficeHours.parse("Mon 09:00-10:00", "Mars/Olympus"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("timeZone");
	}

	private static Instant at(String local, ZoneId zone) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

}
