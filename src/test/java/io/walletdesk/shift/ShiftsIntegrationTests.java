package io.walletdesk.shift;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.TestClock;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.NewAgent;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class ShiftsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents testAgents;

	@Autowired
	AgentManagement agents;

	@Autowired
	ShiftManagement shifts;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TestClock clock;

	@AfterEach
	void releaseClock() {
		this.clock.release();
	}

	@Test
	void projectionAsksForAgentsWhereTicketsArrivedInPastWeeks() {
		// Eight tickets on Tuesday 2030-01-08 between 10:00 and 11:00 UTC; four weeks
		// averaged: 2 an hour, 10 minutes each, 80 % within 3 minutes -> 2 agents.
		this.clock.pin(Instant.parse("2030-01-08T10:05:00Z"));
		for (int i = 0; i < 8; i++) {
			this.console.ticket("Arrival " + i, "Where is my transfer?", null, Priority.NORMAL);
			this.clock.advance(Duration.ofMinutes(5));
		}
		this.clock.pin(Instant.parse("2030-01-16T12:00:00Z"));
		Projection projection = this.shifts.projection(4, null, "UTC");
		assertThat(projection.week()).isEqualTo("2030-W03");
		assertThat(projection.arrivalsFrom()).isEqualTo(Instant.parse("2029-12-17T00:00:00Z"));
		Projection.Hour tuesday10 = projection.hours().get(24 + 10);
		assertThat(tuesday10.arrivals()).isEqualTo(2.0);
		assertThat(tuesday10.required()).isEqualTo(2);
		assertThat(projection.hours().get(24 + 11).required()).isZero();
		Projection shanghai = this.shifts.projection(4, null, "Asia/Shanghai");
		assertThat(shanghai.hours().get(24 + 18).required()).as("18:00 in Shanghai").isEqualTo(2);
	}

	private AgentView agent(String language, String zone) {
		String name = "shift-" + UUID.randomUUID().toString().substring(0, 8);
		return this.agents.create(new NewAgent(name, "Shift " + name, name + "@example.test", TestAgents.PASSWORD,
				Set.of(Role.AGENT), Set.of(language), Set.of(), Set.of(), zone));
	}

	private static List<WeeklyShift> everyDay(String start, String end) {
		return Arrays.stream(DayOfWeek.values())
			.map(day -> new WeeklyShift(day, LocalTime.parse(start), LocalTime.parse(end)))
			.toList();
	}

	@Test
	void coverageShowsTheNightGapInUtcAndAtShanghaiMidday() {
		// A language only these two agents speak, so other tests' agents cannot fill it.
		String language = "zz" + UUID.randomUUID().toString().substring(0, 4);
		AgentView shanghai = agent(language, "Asia/Shanghai");
		AgentView london = agent(language, "Europe/London");
		this.shifts.replacePattern(shanghai.id(), everyDay("14:00", "22:00")); // 06-14
																				// UTC
		this.shifts.replacePattern(london.id(), everyDay("14:00", "02:00")); // 14-02 UTC
																				// in
																				// winter
		Coverage utc = this.shifts.coverage("2026-W49", "UTC");
		assertThat(utc.languages()).contains(language);
		for (int hour = 0; hour < 24; hour++) {
			Coverage.Hour tuesday = utc.hours().get(24 + hour);
			assertThat(tuesday.languageGaps().contains(language)).as("Tuesday %02d:00 UTC", hour)
				.isEqualTo(hour >= 2 && hour < 6);
		}
		assertThat(utc.hours().get(24 + 3).startsAt()).hasToString("2026-12-01T03:00:00Z");
		Coverage shanghaiView = this.shifts.coverage("2026-W49", "Asia/Shanghai");
		assertThat(shanghaiView.hours().get(24 + 11).languageGaps()).contains(language);
		assertThat(shanghaiView.hours().get(24 + 14).languageGaps()).doesNotContain(language);
		assertThat(shanghaiView.hours().get(24 + 3).byLanguage()).containsEntry(language, 1);
	}

	@Test
	void coverageMarksTheHourTheClocksSkip() {
		Coverage london = this.shifts.coverage("2026-W13", "Europe/London");
		assertThat(london.week()).isEqualTo("2026-W13");
		assertThat(london.hours().get(6 * 24 + 1).exists()).as("Sunday 01:00 on 2026-03-29").isFalse();
		assertThat(london.hours().get(6 * 24 + 2).exists()).isTrue();
		assertThat(london.hours()).hasSize(168);
	}

	@Test
	void agentReadsOwnShiftsButCannotEditAnyone() throws Exception {
		AgentView agent = this.testAgents.create(Role.AGENT);
		AgentView other = this.testAgents.create(Role.AGENT);
		String token = this.testAgents.tokenFor(agent.id());
		this.mvc.perform(get("/api/v1/agents/{id}/shifts", agent.id()).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("UTC"));
		this.mvc.perform(get("/api/v1/agents/{id}/shifts", other.id()).header("Authorization", token))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/agents/{id}/shifts", agent.id()).header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"shifts\":[]}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/agents/{id}/shift-exceptions", other.id()).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"LEAVE\",\"startsAt\":\"2026-12-01T00:00:00Z\",\"endsAt\":\"2026-12-02T00:00:00Z\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/shifts/coverage").header("Authorization", token))
			.andExpect(status().isForbidden());
	}

	@Test
	void supervisorSetsPatternAndExceptionsAndBadInputIsA400() throws Exception {
		String token = this.testAgents.token(Role.SUPERVISOR);
		AgentView agent = this.testAgents.create(Role.AGENT);
		this.mvc
			.perform(put("/api/v1/agents/{id}/shifts", agent.id()).header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"shifts":[{"day":"MONDAY","start":"22:00","end":"06:00"},
						  {"day":"TUESDAY","start":"09:00","end":"17:00"}],"region":"de"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pattern.length()").value(2))
			.andExpect(jsonPath("$.region").value("DE"))
			.andExpect(jsonPath("$.regionDerived").value(false));
		this.mvc
			.perform(put("/api/v1/agents/{id}/shifts", agent.id()).header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"shifts":[{"day":"MONDAY","start":"22:00","end":"06:00"},
						  {"day":"TUESDAY","start":"05:00","end":"09:00"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("overlap")));
		this.mvc
			.perform(put("/api/v1/agents/{id}/shifts", agent.id()).header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"shifts\":[{\"day\":\"MONDAY\",\"start\":\"25:00\",\"end\":\"06:00\"}]}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/agents/{id}/shift-exceptions", agent.id()).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"LEAVE\",\"startsAt\":\"2026-12-02T00:00:00Z\",\"endsAt\":\"2026-12-01T00:00:00Z\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/agents/{id}/shift-exceptions", agent.id()).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"EXTRA\",\"startsAt\":\"2026-12-05T08:00:00Z\",\"endsAt\":\"2026-12-05T12:00:00Z\","
					+ "\"note\":\"launch\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("EXTRA"));
		this.mvc.perform(get("/api/v1/agents/{id}/shift-exceptions", agent.id()).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].note").value("launch"));
		this.mvc.perform(get("/api/v1/shifts/coverage").param("zone", "Mars/Olympus").header("Authorization", token))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/shifts/coverage").param("week", "2026-W60").header("Authorization", token))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/v1/shifts/coverage").param("week", "2026-W49")
				.param("zone", "Asia/Shanghai")
				.header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hours.length()").value(168))
			.andExpect(jsonPath("$.hours[0].startsAt").value("2026-11-29T16:00:00Z"));
		this.mvc.perform(get("/api/v1/shifts/projection").param("weeks", "4").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.weeks").value(4))
			.andExpect(jsonPath("$.hours.length()").value(168));
		this.mvc.perform(get("/api/v1/shifts/projection").param("weeks", "0").header("Authorization", token))
			.andExpect(status().isBadRequest());
	}

	@Test
	void holidaysListPublishedAndCustomDays() throws Exception {
		String token = this.testAgents.token(Role.SUPERVISOR);
		this.mvc
			.perform(get("/api/v1/holidays").param("region", "CN").param("year", "2026").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.date == '2026-10-01')].name").value(hasItem("National Day")));
		this.mvc
			.perform(post("/api/v1/holidays").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\":\"BR\",\"date\":\"2026-12-31\",\"name\":\"Company day\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("CUSTOM"));
		this.mvc
			.perform(get("/api/v1/holidays").param("region", "BR").param("year", "2026").header("Authorization", token))
			.andExpect(jsonPath("$[?(@.date == '2026-12-31')].name").value(hasItem("Company day")));
		this.mvc
			.perform(post("/api/v1/holidays").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\":\"Brazil\",\"date\":\"2026-12-31\",\"name\":\"x\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/holidays").header("Authorization", this.testAgents.token(Role.AGENT))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"region\":\"BR\",\"date\":\"2026-12-30\",\"name\":\"x\"}"))
			.andExpect(status().isForbidden());
		this.shifts.customHolidays()
			.stream()
			.filter(h -> h.region().equals("BR"))
			.forEach(h -> this.shifts.deleteHoliday(h.id()));
	}

	@Test
	void coveragePageAndAgentPageRender() throws Exception {
		AgentView supervisor = this.testAgents.create(Role.SUPERVISOR);
		AgentView agent = agent("zh", "Asia/Shanghai");
		this.mvc
			.perform(get("/shifts").param("week", "2026-W49")
				.param("zone", "Asia/Shanghai")
				.with(this.console.as(supervisor.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"coverage\"")))
			.andExpect(content().string(containsString("2026-W49")))
			.andExpect(content().string(containsString("/shifts/agents/" + agent.id())));
		this.mvc.perform(get("/shifts").with(this.console.as(agent.id()))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/shifts/agents/{id}/pattern", agent.id()).param("day1", "09:00-17:00, 22:00-02:00")
				.param("region", "")
				.with(csrf())
				.with(this.console.as(supervisor.id())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.shifts.rotaOf(agent.id()).pattern()).hasSize(2);
		this.mvc.perform(get("/shifts/agents/{id}", agent.id()).with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("22:00-02:00")))
			.andExpect(content().string(containsString("Asia/Shanghai")));
		this.mvc
			.perform(post("/shifts/agents/{id}/pattern", agent.id()).param("day1", "")
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().isForbidden());
	}

}
