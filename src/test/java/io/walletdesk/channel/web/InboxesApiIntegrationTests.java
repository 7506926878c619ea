package io.walletdesk.channel.web;

import java.util.UUID;

import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class InboxesApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	InboxManagement inboxes;

	final JsonMapper json = JsonMapper.builder().build();

	private static String telegram(String name) {
		return """
				{"kind": "telegram", "name": "%s",
				 "settings": {"botTokenEnv": "SUPPORT_BOT_TOKEN", "secretTokenEnv": "SUPPORT_BOT_SECRET",
				              "botUsername": "WalletHelpBot"}}""".formatted(name);
	}

	private JsonNode create(String admin, String body) throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/inboxes").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(created);
	}

	@Test
	void adminCreatesTwoTelegramBotsAndGetsTheWebhookUrlOfEach() throws Exception {
		String admin = this.agents.token(Role.ADMIN);
		JsonNode first = create(admin, telegram("Support bot " + UUID.randomUUID()));
		JsonNode second = create(admin, telegram("VIP bot " + UUID.randomUUID()));

		assertThat(first.path("kind").asString()).isEqualTo("telegram");
		assertThat(first.path("enabled").asBoolean()).isTrue();
		assertThat(first.path("publicKey").asString()).startsWith("telegram_")
			.isNotEqualTo(second.path("publicKey").asString());
		assertThat(first.path("settings").path("botTokenEnv").asString()).isEqualTo("SUPPORT_BOT_TOKEN");
		assertThat(first.path("endpoints").get(0).path("name").asString()).isEqualTo("telegram_webhook");
		assertThat(first.path("endpoints").get(0).path("value").asString())
			.isEqualTo("http://localhost/channels/telegram/" + first.path("publicKey").asString());

		this.mvc.perform(get("/api/v1/inboxes").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(first.path("id").asString())))
			.andExpect(jsonPath("$[*].id", hasItem(second.path("id").asString())));
		this.mvc.perform(get("/api/v1/inboxes/{id}", second.path("id").asString()).header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(second.path("name").asString()))
			.andExpect(jsonPath("$.createdAt").isNotEmpty());
	}

	@Test
	void endpointsFollowTheAddressTheAdminUsedAndTheKind() throws Exception {
		String admin = this.agents.token(Role.ADMIN);
		JsonNode wechat = create(admin, """
				{"kind": "wechat", "name": "公众号 %s",
				 "settings": {"appId": "wx123", "appSecretEnv": "WX_SECRET", "tokenEnv": "WX_TOKEN"}}"""
			.formatted(UUID.randomUUID()));
		this.mvc.perform(get("/api/v1/inboxes/{id}", wechat.path("id").asString()).header("Authorization", admin)
			.with(request -> {
				request.setScheme("https");
				request.setServerName("support.example.com");
				request.setServerPort(443);
				return request;
			}))
			.andExpect(jsonPath("$.endpoints[0].name").value("wechat_server_url"))
			.andExpect(jsonPath("$.endpoints[0].value")
				.value("https://support.example.com/channels/wechat/" + wechat.path("publicKey").asString()));

		JsonNode email = create(admin, """
				{"kind": "email", "name": "Mail %s",
				 "settings": {"host": "imap.example.com", "username": "support@example.com", "passwordEnv": "MAIL_PW",
				              "ssl": "true", "port": "993"}}""".formatted(UUID.randomUUID()));
		assertThat(email.path("endpoints").isEmpty()).as("a polled mailbox has no endpoint").isTrue();
		assertThat(email.path("settings").path("port").asString()).isEqualTo("993");
	}

	@Test
	void snippetsAndUrlsOfEveryKind() {
		String base = "https://desk.example.com";
		for (String[] expected : new String[][] {
				{ "web_chat", "<script src=\"https://desk.example.com/widget.js\" data-inbox=\"K\" async></script>" },
				{ "in_app", "https://desk.example.com/channels/app/K" },
				{ "webhook", "https://desk.example.com/channels/webhook/K/messages" },
				{ "phone", "https://desk.example.com/channels/phone/K/events" },
				{ "telegram", "https://desk.example.com/channels/telegram/K" },
				{ "wechat", "https://desk.example.com/channels/wechat/K" } }) {
			var inbox = new io.walletdesk.channel.InboxView(UUID.randomUUID(), expected[0], "n", "K",
					java.util.Map.of(), true, null, java.time.Instant.now());
			assertThat(InboxEndpoints.of(inbox, base)).extracting(InboxEndpoints.Endpoint::value)
				.containsExactly(expected[1]);
		}
	}

	@Test
	void unknownMissingAndMalformedSettingsAreRefusedFieldByField() throws Exception {
		String admin = this.agents.token(Role.ADMIN);
		String name = "Broken bot " + UUID.randomUUID();
		this.mvc
			.perform(post("/api/v1/inboxes").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "telegram", "name": "%s",
						 "settings": {"botToken": "123456:AAHsecret", "secretTokenEnv": "not a variable!",
						              "officialGroupChatId": "the group"}}""".formatted(name)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("settings.botToken", "settings.botTokenEnv",
					"settings.secretTokenEnv", "settings.officialGroupChatId")));
		assertThat(this.inboxes.all()).noneMatch(inbox -> inbox.name().equals(name));

		this.mvc
			.perform(post("/api/v1/inboxes").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"fax\", \"name\": \"Fax\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		this.mvc
			.perform(post("/api/v1/inboxes").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"telegram\", \"name\": \"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")));
		this.mvc
			.perform(post("/api/v1/inboxes").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(telegram("Grouped").replace("}}", "}, \"groupId\": \"" + UUID.randomUUID() + "\"}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("groupId"));
	}

	@Test
	void adminRenamesRegroupsDisablesAndEnablesAnInbox() throws Exception {
		String admin = this.agents.token(Role.ADMIN);
		UUID group = this.agents.group("vip");
		JsonNode inbox = create(admin, telegram("Bot " + UUID.randomUUID()));
		String id = inbox.path("id").asString();
		this.mvc
			.perform(put("/api/v1/inboxes/{id}", id).header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "VIP desk", "groupId": "%s",
						 "settings": {"botTokenEnv": "VIP_BOT_TOKEN", "secretTokenEnv": "VIP_BOT_SECRET"}}"""
					.formatted(group)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("VIP desk"))
			.andExpect(jsonPath("$.groupId").value(group.toString()))
			.andExpect(jsonPath("$.settings.botTokenEnv").value("VIP_BOT_TOKEN"))
			.andExpect(jsonPath("$.settings.botUsername").doesNotExist())
			.andExpect(jsonPath("$.publicKey").value(inbox.path("publicKey").asString()));
		this.mvc
			.perform(put("/api/v1/inboxes/{id}", id).header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"VIP desk\", \"settings\": {\"botTokenEnv\": \"VIP_BOT_TOKEN\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("settings.secretTokenEnv"));

		this.mvc.perform(post("/api/v1/inboxes/{id}/disable", id).header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		assertThat(this.inboxes.find(UUID.fromString(id)).orElseThrow().enabled()).isFalse();
		this.mvc.perform(post("/api/v1/inboxes/{id}/enable", id).header("Authorization", admin))
			.andExpect(jsonPath("$.enabled").value(true));
		this.mvc.perform(post("/api/v1/inboxes/{id}/enable", UUID.randomUUID()).header("Authorization", admin))
			.andExpect(status().isNotFound());
	}

	@Test
	void kindsDescribeTheirSettingsAndWhichNameSecrets() throws Exception {
		this.mvc.perform(get("/api/v1/inboxes/kinds").header("Authorization", this.agents.token(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.kind == 'telegram')].settings[?(@.name == 'botTokenEnv')].type")
				.value(hasItem("SECRET_ENV")))
			.andExpect(jsonPath("$[?(@.kind == 'email')].settings[?(@.name == 'host')].required").value(hasItem(true)));
	}

	@Test
	void onlyAdminsManageInboxesAndSupervisorsMayReadHealth() throws Exception {
		String admin = this.agents.token(Role.ADMIN);
		String id = create(admin, telegram("Bot " + UUID.randomUUID())).path("id").asString();
		for (Role role : new Role[] { Role.AGENT, Role.TECH, Role.SUPERVISOR }) {
			String token = this.agents.token(role);
			this.mvc.perform(get("/api/v1/inboxes").header("Authorization", token)).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/inboxes/{id}", id).header("Authorization", token))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/api/v1/inboxes").header("Authorization", token)
					.contentType(MediaType.APPLICATION_JSON)
					.content(telegram("Sneaky")))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			this.mvc
				.perform(put("/api/v1/inboxes/{id}", id).header("Authorization", token)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\": \"Taken over\"}"))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/api/v1/inboxes/{id}/disable", id).header("Authorization", token))
				.andExpect(status().isForbidden());
		}
		assertThat(this.inboxes.find(UUID.fromString(id)).orElseThrow().enabled()).isTrue();
		assertThat(this.inboxes.all())
			.noneMatch(inbox -> inbox.name().equals("Sneaky") || inbox.name().equals("Taken over"));

		this.mvc.perform(get("/api/v1/inboxes/health").header("Authorization", this.agents.token(Role.AGENT)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/inboxes/health").header("Authorization", this.agents.token(Role.SUPERVISOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].inboxId", hasItem(id)));
		this.mvc.perform(get("/api/v1/inboxes")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/inboxes").header("Authorization", admin)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/inboxes").header("Authorization", admin))
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

}
