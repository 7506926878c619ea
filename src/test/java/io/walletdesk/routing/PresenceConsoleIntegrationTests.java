package io.walletdesk.routing;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class PresenceConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TestAgents agents;

	@Autowired
	RoutingManagement routing;

	@Test
	void theTopBarSwitchSetsPresenceAndTheConsoleKeepsTheAgentOnline() throws Exception {
		AgentView agent = this.agents.create(Role.AGENT);
		String page = this.mvc.perform(get("/tickets").with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("hx-get=\"/routing/presence\"");

		String fragment = this.mvc.perform(get("/routing/presence").with(this.console.as(agent.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).contains("data-presence=\"offline\"").contains("hx-trigger=\"every 60s\"");

		this.mvc.perform(post("/routing/heartbeat").with(csrf()).with(this.console.as(agent.id())))
			.andExpect(status().isOk());
		assertThat(this.routing.presence(agent.id())).isEqualTo(Presence.ONLINE);

		String away = this.mvc
			.perform(post("/routing/presence").param("state", "away").with(csrf()).with(this.console.as(agent.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(away).contains("data-presence=\"away\"");
		this.mvc.perform(post("/routing/heartbeat").with(csrf()).with(this.console.as(agent.id())));
		assertThat(this.routing.presence(agent.id())).as("away chosen by the agent stays").isEqualTo(Presence.AWAY);

		this.mvc
			.perform(post("/routing/presence").param("state", "asleep").with(csrf()).with(this.console.as(agent.id())))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/routing/presence").param("state", "online").with(this.console.as(agent.id())))
			.andExpect(status().isForbidden());
	}

}
