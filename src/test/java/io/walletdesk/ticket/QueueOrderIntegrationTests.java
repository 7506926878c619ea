package io.walletdesk.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class QueueOrderIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketManagement tickets;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TestAgents agents;

	@Test
	void queueGoesByPriorityThenSecurityThenDeadlineThenWait() throws Exception {
		UUID group = this.agents.group("queue");
		AgentView supervisor = this.agents.create(Role.SUPERVISOR, group);
		Actor by = Actor.agent(supervisor.id(), supervisor.displayName());
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		TicketView normalOld = this.console.ticket("How do I export my key?", "where is the setting", group,
				Priority.NORMAL);
		TicketView urgentSoon = this.console.ticket("Withdrawal stuck 5 hours", "USDT not arrived", group,
				Priority.URGENT);
		TicketView urgentSecurity = this.console.ticket("Wallet drained", "all my ETH is gone", group, Priority.URGENT);
		categorise(urgentSecurity, Category.SECURITY_INCIDENT, by);
		categorise(urgentSoon, Category.TRANSFER, by);
		categorise(normalOld, Category.SECURITY_ADVICE, by);
		TicketView highLate = this.console.ticket("Fee too high", "gas fee 30 USDT?", group, Priority.HIGH);
		TicketView highEarly = this.console.ticket("Swap failed", "swap reverted", group, Priority.HIGH);
		categorise(highLate, Category.TRANSFER, by);
		categorise(highEarly, Category.TRADING, by);
		// The SLA module records its own deadlines in the background; set these after it.
		this.console.awaitBackgroundWork();
		this.tickets.recordSlaDeadline(urgentSoon.id(), now.plusSeconds(60));
		this.tickets.recordSlaDeadline(urgentSecurity.id(), now.plusSeconds(170));
		this.tickets.recordSlaDeadline(highLate.id(), now.plusSeconds(900));
		this.tickets.recordSlaDeadline(highEarly.id(), now.plusSeconds(300));

		String token = this.agents.tokenFor(supervisor.id());
		String body = this.mvc
			.perform(get("/api/v1/tickets").param("group", group.toString())
				.param("order", "queue")
				.header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> order = JsonPath.read(body, "$.items[*].id");
		assertThat(order).containsExactly(urgentSecurity.id().toString(), urgentSoon.id().toString(),
				highEarly.id().toString(), highLate.id().toString(), normalOld.id().toString());

		this.mvc.perform(get("/api/v1/tickets").param("order", "oldest").header("Authorization", token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("order"));
	}

	/**
	 * Categories chosen by an agent, which triage running in the background leaves alone.
	 */
	private void categorise(TicketView ticket, Category category, Actor by) {
		this.tickets.change(ticket.id(), new ChangeTicket(null, null, Optional.of(category), null, null, null), by);
	}

}
