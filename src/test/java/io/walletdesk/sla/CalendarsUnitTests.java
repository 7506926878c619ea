package io.walletdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.shift.Rota;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarsUnitTests {

	/** The region's public holidays as the shift module would answer them. */
	private static final Rota CHINA_NATIONAL_DAY = new Rota() {

		@Override
		public boolean onShift(UUID agentId, Instant at) {
			return true;
		}

		@Override
		public Set<UUID> onShiftAgents(Instant at) {
			return Set.of();
		}

		@Override
		public Optional<Instant> nextStaffed(Instant from, String language, UUID groupId) {
			return Optional.of(from);
		}

		@Override
		public boolean isHoliday(String region, LocalDate date) {
			return "CN".equals(region) && date.getMonthValue() == 10 && date.getDayOfMonth() <= 7;
		}

	};

	@Test
	void theRegionsPublicHolidaysAndExtraDatesAreClosed() {
		Calendars calendars = new Calendars(null,
				new StaticListableBeanFactory(Map.of("rota", CHINA_NATIONAL_DAY)).getBeanProvider(Rota.class));
		Map<String, String> weekdays = Map.of("MONDAY", "09:00-18:00", "TUESDAY", "09:00-18:00", "WEDNESDAY",
				"09:00-18:00", "THURSDAY", "09:00-18:00", "FRIDAY", "09:00-18:00");
		SlaCalendar shanghai = new SlaCalendar(UUID.randomUUID(), "Shanghai", "Asia/Shanghai", false, weekdays, "CN",
				List.of(LocalDate.parse("2026-10-08")), null, false, true);
		// Wednesday 2026-09-30, 17:30 in Shanghai: half an hour that day, then the
		// National
		// Day
		// week and the extra closed Thursday 8 October; the rest on Friday 9 October.
		Instant start = Instant.parse("2026-09-30T09:30:00Z");
		assertThat(calendars.of(shanghai).add(start, Duration.ofHours(1)))
			.isEqualTo(Instant.parse("2026-10-09T01:30:00Z"));
	}

	@Test
	void withoutTheShiftModuleOnlyTheExtraDatesAreClosed() {
		Calendars calendars = new Calendars(null, new StaticListableBeanFactory().getBeanProvider(Rota.class));
		SlaCalendar calendar = new SlaCalendar(UUID.randomUUID(), "UTC office", "UTC", false,
				Map.of("MONDAY", "09:00-17:00", "TUESDAY", "09:00-17:00"), "CN", List.of(), null, false, true);
		assertThat(calendars.of(calendar).add(Instant.parse("2026-10-05T16:00:00Z"), Duration.ofHours(2)))
			.isEqualTo(Instant.parse("2026-10-06T10:00:00Z"));
	}

}
