package io.walletdesk.shift;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.NewAgent;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@WalletDeskIntegrationTest
class RotaIntegrationTests {

	@Autowired
	Rota rota;

	@Autowired
	ShiftManagement shifts;

	@Autowired
	AgentManagement agents;

	@Autowired
	TestAgents testAgents;

	UUID group;

	AgentView shanghai;

	@BeforeEach
	void weekdayAgentInShanghai() {
		this.group = this.testAgents.group("rota");
		this.shanghai = agent("zh", "Asia/Shanghai");
		this.shifts.replacePattern(this.shanghai.id(), weekdays("09:00", "18:00"));
	}

	private AgentView agent(String language, String zone) {
		String name = "rota-" + UUID.randomUUID().toString().substring(0, 8);
		return this.agents.create(new NewAgent(name, "Rota " + name, name + "@example.test", TestAgents.PASSWORD,
				Set.of(Role.AGENT), Set.of(language), Set.of("security"), Set.of(this.group), zone));
	}

	private static List<WeeklyShift> weekdays(String start, String end) {
		return Arrays.stream(DayOfWeek.values())
			.filter(day -> day.getValue() <= 5)
			.map(day -> new WeeklyShift(day, LocalTime.parse(start), LocalTime.parse(end)))
			.toList();
	}

	@Test
	void answersFromThePersistedPatternInTheAgentsZone() {
		Instant tuesdayMorningShanghai = Instant.parse("2026-12-01T02:00:00Z");
		assertThat(this.rota.onShift(this.shanghai.id(), tuesdayMorningShanghai)).isTrue();
		assertThat(this.rota.onShiftAgents(tuesdayMorningShanghai)).contains(this.shanghai.id());
		Instant saturday = Instant.parse("2026-12-05T04:00:00Z");
		assertThat(this.rota.onShift(this.shanghai.id(), saturday)).isFalse();
		assertThat(this.rota.onShiftAgents(saturday)).doesNotContain(this.shanghai.id());
		assertThat(this.rota.onShift(UUID.randomUUID(), tuesdayMorningShanghai)).as("unknown agent").isFalse();
	}

	@Test
	void nextStaffedAcrossTheWeekendIsMondayMorningInShanghai() {
		Instant saturday = Instant.parse("2026-12-05T12:00:00Z");
		assertThat(this.rota.nextStaffed(saturday, "zh", this.group)).contains(Instant.parse("2026-12-07T01:00:00Z"));
		assertThat(this.rota.nextStaffed(saturday, "pt", this.group)).as("nobody in the group speaks pt").isEmpty();
		Instant monday = Instant.parse("2026-12-07T03:00:00Z");
		assertThat(this.rota.nextStaffed(monday, "zh", this.group)).contains(monday);
	}

	@Test
	void anEarlierShiftElsewhereInTheGroupWins() {
		AgentView london = agent("zh", "Europe/London");
		this.shifts.replacePattern(london.id(),
				List.of(new WeeklyShift(DayOfWeek.SUNDAY, LocalTime.parse("20:00"), LocalTime.parse("23:00"))));
		assertThat(this.rota.nextStaffed(Instant.parse("2026-12-05T12:00:00Z"), "zh", this.group))
			.contains(Instant.parse("2026-12-06T20:00:00Z"));
	}

	@Test
	void inactiveAgentsAreNeverOnShift() {
		this.agents.setActive(this.shanghai.id(), false);
		((ShiftRota) unwrap()).rebuild();
		assertThat(this.rota.onShift(this.shanghai.id(), Instant.parse("2026-12-01T02:00:00Z"))).isFalse();
		assertThat(this.rota.nextStaffed(Instant.parse("2026-12-05T12:00:00Z"), "zh", this.group)).isEmpty();
	}

	@Test
	void chinasNationalDayAndACompanyBridgeDayKeepTheShanghaiAgentOff() {
		// Thursday 2026-10-01 to Saturday 10-03 are statutory; the region comes from the
		// zone.
		assertThat(this.rota.isHoliday("CN", LocalDate.of(2026, 10, 1))).isTrue();
		assertThat(this.rota.onShift(this.shanghai.id(), Instant.parse("2026-10-01T02:00:00Z"))).isFalse();
		assertThat(this.rota.onShift(this.shanghai.id(), Instant.parse("2026-10-02T02:00:00Z"))).isFalse();
		assertThat(this.rota.nextStaffed(Instant.parse("2026-10-01T00:00:00Z"), "zh", this.group))
			.contains(Instant.parse("2026-10-05T01:00:00Z"));
		HolidayView bridge = this.shifts.putHoliday("CN", LocalDate.of(2026, 10, 5), "National Day bridge", true);
		try {
			assertThat(this.rota.onShift(this.shanghai.id(), Instant.parse("2026-10-05T02:00:00Z"))).isFalse();
			assertThat(this.rota.nextStaffed(Instant.parse("2026-10-01T00:00:00Z"), "zh", this.group))
				.contains(Instant.parse("2026-10-06T01:00:00Z"));
			this.shifts.setRegion(this.shanghai.id(), "GB");
			assertThat(this.rota.onShift(this.shanghai.id(), Instant.parse("2026-10-01T02:00:00Z")))
				.as("a GB-region agent works China's National Day")
				.isTrue();
		}
		finally {
			this.shifts.deleteHoliday(bridge.id());
		}
	}

	@Test
	void leaveAndExtraShiftsApplyAsSoonAsTheyAreSaved() {
		this.shifts.addException(this.shanghai.id(), new NewShiftException(ExceptionKind.LEAVE,
				Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"), "training"), null);
		this.shifts.addException(this.shanghai.id(), new NewShiftException(ExceptionKind.EXTRA,
				Instant.parse("2026-12-05T02:00:00Z"), Instant.parse("2026-12-05T06:00:00Z"), "release weekend"), null);
		assertThat(this.rota.onShift(this.shanghai.id(), Instant.parse("2026-12-01T02:00:00Z"))).isFalse();
		assertThat(this.rota.onShift(this.shanghai.id(), Instant.parse("2026-12-05T03:00:00Z"))).isTrue();
		assertThat(this.rota.nextStaffed(Instant.parse("2026-12-04T12:00:00Z"), "zh", this.group))
			.contains(Instant.parse("2026-12-05T02:00:00Z"));
	}

	private Rota unwrap() {
		return org.springframework.test.util.AopTestUtils.getTargetObject(this.rota);
	}

}
