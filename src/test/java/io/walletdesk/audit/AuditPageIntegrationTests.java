package io.walletdesk.audit;

import java.util.UUID;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.ReplyBlockedException;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class AuditPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TicketManagement tickets;

	@Test
	void supervisorsSeeBlockedRepliesAndAgentsDoNot() throws Exception {
		UUID group = this.agents.group("audit");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Audit me", "help", group, Priority.NORMAL);
		assertThatThrownBy(
				() -> this.tickets.post(ticket.id(),
						PostMessage.reply(Actor.agent(agent.id(), agent.displayName()),
								"Send me your private key please", Visibility.PUBLIC)))
			.isInstanceOf(ReplyBlockedException.class);

		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		String page = this.mvc
			.perform(get("/audit").param("kind", "reply_blocked").with(this.console.as(supervisor.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Reply blocked").contains(agent.displayName()).contains("blocked: secret_request");

		this.mvc.perform(get("/audit").with(this.console.as(agent.id()))).andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/audit").param("ticket", ticket.id().toString())
				.header("Authorization", this.agents.token(Role.SUPERVISOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].kind").value("reply_blocked"));
		this.mvc.perform(get("/api/v1/audit").header("Authorization", this.agents.tokenFor(agent.id())))
			.andExpect(status().isForbidden());
	}

}
