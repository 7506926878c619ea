package io.walletdesk.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Office hours over random rules, zones with daylight saving (including Lord Howe's
 * half-hour shift) and instants around the clock changes.
 */
class OfficeHoursPropertiesTests {

	private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Shanghai",
			"Australia/Lord_Howe", "America/Santiago");

	private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

	@Property(tries = 500)
	void closedUntilTheNextOpeningAndOpenThen(@ForAll("rules") String rules, @ForAll("zones") String zone,
			@ForAll("instants") Instant at) {
		OfficeHours hours = OfficeHours.parse(rules, zone);
		Optional<Instant> next = hours.nextOpening(at);
		if (hours.isOpen(at)) {
			assertThat(next).isEmpty();
			return;
		}
		assertThat(next).as("a weekly rule opens within a week").isPresent();
		Instant opening = next.get();
		assertThat(opening).isAfter(at);
		assertThat(Duration.between(at, opening)).isLessThanOrEqualTo(Duration.ofDays(8));
		assertThat(hours.isOpen(opening)).isTrue();
		Instant middle = at.plus(Duration.between(at, opening).dividedBy(2));
		assertThat(hours.isOpen(middle)).isFalse();
		assertThat(hours.isOpen(opening.minusSeconds(1))).isFalse();
	}

	@Property(tries = 300)
	void anOvernightRangeEqualsItsTwoHalves(@ForAll("days") int day, @ForAll("hours") int start,
			@ForAll("hours") int end, @ForAll("zones") String zone, @ForAll("instants") Instant at) {
		int from = Math.max(start, end);
		int to = Math.min(start, end);
		String today = DAYS.get(day);
		String tomorrow = DAYS.get((day + 1) % 7);
		OfficeHours overnight = OfficeHours.parse("%s %02d:30-%02d:00".formatted(today, from, to), zone);
		// "00:00-00:00" would be a whole day, so a night ending at midnight has one half.
		String secondHalf = to == 0 ? "" : "; %s 00:00-%02d:00".formatted(tomorrow, to);
		OfficeHours halves = OfficeHours.parse("%s %02d:30-24:00".formatted(today, from) + secondHalf, zone);
		assertThat(overnight.isOpen(at)).isEqualTo(halves.isOpen(at));
	}

	@Property(tries = 200)
	void roundTheClockEveryDayIsOpenAtEveryInstant(@ForAll("zones") String zone, @ForAll("instants") Instant at) {
		assertThat(OfficeHours.parse("Mon-Sun 00:00-24:00", zone).isOpen(at)).isTrue();
	}

	@Provide
	Arbitrary<String> rules() {
		Arbitrary<String> rule = Arbitraries.integers()
			.between(0, 6)
			.flatMap(first -> Arbitraries.integers()
				.between(0, 6)
				.flatMap(last -> Arbitraries.integers()
					.between(0, 23)
					.flatMap(start -> Arbitraries.integers()
						.between(0, 23)
						.map(end -> "%s-%s %02d:%02d-%02d:00".formatted(DAYS.get(first), DAYS.get(last), start,
								start == end ? 30 : 0, end)))));
		return rule.list().ofMinSize(1).ofMaxSize(3).map(list -> String.join("; ", list));
	}

	@Provide
	Arbitrary<String> zones() {
		return Arbitraries.of(ZONES);
	}

	@Provide
	Arbitrary<Integer> days() {
		return Arbitraries.integers().between(0, 6);
	}

	@Provide
	Arbitrary<Integer> hours() {
		return Arbitraries.integers().between(0, 23);
	}

	@Provide
	Arbitrary<Instant> instants() {
		// Mostly around the 2026 clock changes of the zones above, and anywhere in the
		// year.
		Arbitrary<Instant> nearChanges = Arbitraries
			.of(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
					Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-11-01T06:00:00Z"),
					Instant.parse("2026-04-04T15:00:00Z"), Instant.parse("2026-10-03T15:30:00Z"),
					Instant.parse("2026-04-05T03:00:00Z"), Instant.parse("2026-09-06T04:00:00Z"))
			.flatMap(change -> Arbitraries.longs()
				.between(-2 * 86_400, 2 * 86_400)
				.map(seconds -> change.plusSeconds(seconds)));
		Arbitrary<Instant> anywhere = Arbitraries.longs()
			.between(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
					Instant.parse("2027-01-01T00:00:00Z").getEpochSecond())
			.map(Instant::ofEpochSecond);
		return Arbitraries.oneOf(nearChanges, anywhere);
	}

}
