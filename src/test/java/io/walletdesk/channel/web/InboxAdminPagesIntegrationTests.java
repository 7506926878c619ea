package io.walletdesk.channel.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
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
class InboxAdminPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	InboxManagement inboxes;

	private String page(String path, AgentView agent) throws Exception {
		return this.mvc.perform(get(path).with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theTelegramFormListsTheAdaptersSettingsAndAWrongOneIsMarked() throws Exception {
		AgentView admin = this.agents.create(Role.ADMIN);
		String form = page("/admin/inboxes/new?kind=telegram", admin);
		assertThat(form).contains("name=\"setting.botTokenEnv\"", "name=\"setting.secretTokenEnv\"",
				"name=\"setting.officialGroupChatId\"", "secret variable", "@BotFather");

		String name = "Page bot " + UUID.randomUUID();
		String refused = this.mvc
			.perform(post("/admin/inboxes").param("kind", "telegram")
				.param("name", name)
				.param("setting.botTokenEnv", "123456:AAH-the-token-itself")
				.param("setting.secretTokenEnv", "BOT_SECRET")
				.with(csrf())
				.with(this.console.as(admin.id())))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("must name an environment variable");
		assertThat(this.inboxes.all()).noneMatch(inbox -> inbox.name().equals(name));

		this.mvc
			.perform(post("/admin/inboxes").param("kind", "telegram")
				.param("name", name)
				.param("setting.botTokenEnv", "BOT_TOKEN")
				.param("setting.secretTokenEnv", "BOT_SECRET")
				.with(csrf())
				.with(this.console.as(admin.id())))
			.andExpect(status().is3xxRedirection());
		InboxView created = this.inboxes.all()
			.stream()
			.filter(inbox -> inbox.name().equals(name))
			.findFirst()
			.orElseThrow();
		String edit = page("/admin/inboxes/" + created.id(), admin);
		assertThat(edit).contains("http://localhost/channels/telegram/" + created.publicKey(), "Missing credential");
		assertThat(page("/admin/inboxes", admin)).contains(name);
	}

	@Test
	void supervisorsSeeChannelHealthButCannotEditInboxes() throws Exception {
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		InboxView inbox = this.inboxes.create("telegram", "Watched bot " + UUID.randomUUID(),
				java.util.Map.of("botTokenEnv", "UNSET_WATCHED_TOKEN", "secretTokenEnv", "UNSET_WATCHED_SECRET"), null);
		String health = page("/admin/channels/health", supervisor);
		assertThat(health).contains(inbox.name(), "Missing credential", "UNSET_WATCHED_TOKEN")
			.doesNotContain("href=\"/admin/agents\"");
		for (String path : new String[] { "/admin/inboxes", "/admin/inboxes/" + inbox.id(),
				"/admin/inboxes/new?kind=telegram" }) {
			this.mvc.perform(get(path).with(this.console.as(supervisor.id()))).andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/admin/inboxes/{id}/enabled", inbox.id()).param("enabled", "false")
				.with(csrf())
				.with(this.console.as(supervisor.id())))
			.andExpect(status().isForbidden());
		assertThat(this.inboxes.find(inbox.id()).orElseThrow().enabled()).isTrue();
		AgentView agent = this.agents.create(Role.AGENT);
		this.mvc.perform(get("/admin/channels/health").with(this.console.as(agent.id())))
			.andExpect(status().isForbidden());
	}

}
