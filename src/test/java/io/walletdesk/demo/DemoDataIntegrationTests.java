package io.walletdesk.demo;

import java.time.Clock;
import java.util.List;

import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.shift.AgentRota;
import io.walletdesk.shift.ShiftManagement;
import io.walletdesk.ticket.TicketManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@WalletDeskIntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	CustomerManagement customers;

	@Autowired
	TicketManagement tickets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShiftManagement shifts;

	@Test
	void demoAgentsWorkWeeklyShiftsInTheirOwnZonesAndRegions() {
		new DemoData(this.agents, this.customers, this.tickets, new DemoSettings(true, "demo-password-1"),
				Clock.systemUTC(), this.shifts)
			.run(null);
		AgentRota liWei = this.shifts.rotaOf(this.agents.findByUsername("li.wei").orElseThrow().id());
		assertThat(liWei.timeZone()).isEqualTo("Asia/Shanghai");
		assertThat(liWei.region()).isEqualTo("CN");
		assertThat(liWei.pattern()).hasSize(5)
			.allSatisfy(shift -> assertThat(shift.start()).isEqualTo(java.time.LocalTime.of(9, 0)));
		AgentRota carlos = this.shifts.rotaOf(this.agents.findByUsername("carlos.mendes").orElseThrow().id());
		assertThat(carlos.region()).isEqualTo("BR");
		assertThat(carlos.pattern()).anySatisfy(shift -> assertThat(shift.crossesMidnight()).isTrue());
	}

	@Test
	void loadsAgentsInSeveralZonesAndLanguagesAndTicketsInChineseAndEnglishOnce() throws Exception {
		DemoData demo = new DemoData(this.agents, this.customers, this.tickets,
				new DemoSettings(true, "demo-password-1"), Clock.systemUTC(), this.shifts);
		demo.run(null);
		long ticketsAfterFirstRun = this.jdbc.sql("select count(*) from ticket").query(Long.class).single();
		demo.run(null);
		assertThat(this.jdbc.sql("select count(*) from ticket").query(Long.class).single())
			.isEqualTo(ticketsAfterFirstRun);

		List<AgentView> demoAgents = this.agents.all()
			.stream()
			.filter(agent -> agent.email() != null && agent.email().endsWith("@walletdesk.example"))
			.toList();
		assertThat(demoAgents).extracting(AgentView::timeZone).contains("Asia/Shanghai", "Europe/London");
		assertThat(demoAgents).flatExtracting(agent -> List.copyOf(agent.languages())).contains("zh", "en");
		assertThat(this.agents.groups()).extracting(group -> group.name())
			.contains("General support", "Security", "Technical team");
		assertThat(this.jdbc.sql("select subject from ticket").query(String.class).list()).contains("USDT转账一直显示pending",
				"My wallet was drained 10 minutes ago");
	}

}
