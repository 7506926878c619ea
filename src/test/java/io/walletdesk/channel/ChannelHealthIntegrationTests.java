package io.walletdesk.channel;

import java.util.Map;
import java.util.UUID;

import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.spi.ChannelCheck;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Channel health from real traffic: customer messages through the Telegram webhook,
 * replies that Telegram refuses, forged webhook calls, and a bot token that Telegram no
 * longer accepts, against a local server playing the Bot API.
 */
@WalletDeskIntegrationTest
class ChannelHealthIntegrationTests {

	static final String TOKEN = "654321:health-token";

	static final String SECRET = "health-secret-" + UUID.randomUUID();

	static RecordingApi telegram;

	@Autowired
	MockMvc mvc;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	ChannelHealth health;

	@Autowired
	ChannelIntake intake;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TestAgents agents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RequestSignatures signatures;

	@Autowired
	ConfigurableEnvironment environment;

	String tokenEnv;

	String secretEnv;

	@BeforeAll
	static void startTelegram() throws Exception {
		telegram = new RecordingApi();
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@BeforeEach
	void environment() {
		this.tokenEnv = "HEALTH_BOT_TOKEN_" + UUID.randomUUID().toString().substring(0, 8);
		this.secretEnv = "HEALTH_BOT_SECRET_" + UUID.randomUUID().toString().substring(0, 8);
		RecordingApi.setProperty(this.environment, "walletdesk.channel.telegram.api-base-url", telegram.baseUrl());
		RecordingApi.setProperty(this.environment, this.tokenEnv, TOKEN);
		RecordingApi.setProperty(this.environment, this.secretEnv, SECRET);
		telegram.answer(call -> new RecordingApi.Answer(200, "{\"ok\":true,\"result\":{\"message_id\":5}}"));
	}

	private InboxView bot(String tokenEnv) {
		return this.inboxes.create("telegram", "Health bot " + UUID.randomUUID(),
				Map.of("botTokenEnv", tokenEnv, "secretTokenEnv", this.secretEnv), null);
	}

	private void message(InboxView inbox, String secret, long chat, long id, String text) throws Exception {
		this.mvc.perform(post("/channels/telegram/{key}", inbox.publicKey()).contentType(MediaType.APPLICATION_JSON)
			.header("X-Telegram-Bot-Api-Secret-Token", secret)
			.content("""
					{"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
					 "chat": {"id": %d, "type": "private"}, "from": {"id": %d, "first_name": "Ana"},
					 "text": "%s"}}""".formatted(id, id, chat, chat, text)));
	}

	@Test
	void messagesFailingRepliesAndForgedCallsShowInTheInboxHealth() throws Exception {
		InboxView inbox = bot(this.tokenEnv);
		InboxView quiet = bot(this.tokenEnv);
		long chat = 200000 + (long) (Math.random() * 1_000_000);
		message(inbox, SECRET, chat, 1, "my deposit is missing");
		message(inbox, SECRET, chat, 2, "tx hash attached");
		message(inbox, SECRET, chat, 2, "tx hash attached");
		message(inbox, "wrong-secret", chat, 3, "forged");
		message(inbox, null, chat, 4, "forged");

		telegram.answer(call -> new RecordingApi.Answer(403,
				"{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));
		UUID ticket = this.jdbc.sql("select ticket_id from channel_thread where inbox_id = ?")
			.param(inbox.id())
			.query(UUID.class)
			.single();
		AgentView agent = this.agents.create(Role.AGENT);
		this.tickets.post(ticket,
				PostMessage.reply(Actor.agent(agent.id(), agent.displayName()), "We are on it.", Visibility.PUBLIC));
		InboxHealth health = awaitHealth(inbox.id(), h -> h.failingReplies() > 0);

		assertThat(health.receivedLastDay()).as("the duplicate update counts once").isEqualTo(2);
		assertThat(health.lastReceivedAt()).isNotNull();
		assertThat(health.failingReplies()).isEqualTo(1);
		assertThat(health.deliveryFailuresLastDay()).isEqualTo(1);
		assertThat(health.lastDeliveryError()).contains("bot was blocked by the user").doesNotContain(TOKEN);
		assertThat(health.refusedRequestsLastDay()).isEqualTo(2);
		assertThat(health.problems()).contains("replies_failing", "requests_refused");
		assertThat(health.status()).isEqualTo("failing");
		assertThat(health.missingCredentials()).isEmpty();

		InboxHealth other = this.health.of(quiet.id()).orElseThrow();
		assertThat(other.receivedLastDay()).isZero();
		assertThat(other.lastReceivedAt()).isNull();
		assertThat(other.failingReplies()).isZero();
		assertThat(other.refusedRequestsLastDay()).isZero();
	}

	@Test
	void aTokenTelegramRefusesIsReportedAsExpiredCredentialsAfterTheBackgroundCheck() throws Exception {
		String revokedEnv = "HEALTH_REVOKED_" + UUID.randomUUID().toString().substring(0, 8);
		RecordingApi.setProperty(this.environment, revokedEnv, "999:revoked");
		InboxView revoked = bot(revokedEnv);
		InboxView valid = bot(this.tokenEnv);
		telegram.answer(call -> {
			if (call.path().equals("/bot999:revoked/getMe")) {
				return new RecordingApi.Answer(401,
						"{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
			}
			return new RecordingApi.Answer(200, "{\"ok\":true,\"result\":{\"id\":654321,\"is_bot\":true}}");
		});
		assertThat(this.health.of(revoked.id()).orElseThrow().check()).as("not checked on a page view").isNull();
		int callsBefore = telegram.calls().size();
		this.health.of(revoked.id());
		assertThat(telegram.calls()).hasSize(callsBefore);

		this.health.checkNow();

		InboxHealth expired = this.health.of(revoked.id()).orElseThrow();
		assertThat(expired.check().state()).isEqualTo(ChannelCheck.State.EXPIRED_CREDENTIALS);
		assertThat(expired.check().detail()).contains("401").doesNotContain("999:revoked");
		assertThat(expired.checkedAt()).isNotNull();
		assertThat(expired.problems()).contains("expired_credentials");
		assertThat(expired.status()).isEqualTo("failing");
		InboxHealth fine = this.health.of(valid.id()).orElseThrow();
		assertThat(fine.check().state()).isEqualTo(ChannelCheck.State.OK);
		assertThat(fine.status()).isEqualTo("ok");
		assertThat(telegram.calls()).anyMatch(call -> call.path().equals("/bot" + TOKEN + "/getMe"));

		this.mvc.perform(get("/api/v1/inboxes/health").header("Authorization", this.agents.token(Role.SUPERVISOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.inboxId == '" + revoked.id() + "')].check.state")
				.value(hasItem("EXPIRED_CREDENTIALS")));
	}

	@Test
	void aWeChatSecretThatNoLongerFetchesATokenIsExpiredCredentials() {
		String appId = "wx" + UUID.randomUUID().toString().substring(0, 8);
		RecordingApi.setProperty(this.environment, "walletdesk.channel.wechat.api-base-url", telegram.baseUrl());
		RecordingApi.setProperty(this.environment, "HEALTH_WX_SECRET", "changed-secret");
		RecordingApi.setProperty(this.environment, "HEALTH_WX_TOKEN", "server-token");
		telegram.answer(call -> call.path().equals("/cgi-bin/token") && call.query().contains("appid=" + appId)
				? new RecordingApi.Answer(200, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}")
				: new RecordingApi.Answer(200, "{\"ok\":true}"));
		InboxView wechat = this.inboxes.create("wechat", "Official account " + appId,
				Map.of("appId", appId, "appSecretEnv", "HEALTH_WX_SECRET", "tokenEnv", "HEALTH_WX_TOKEN"), null);

		this.health.checkNow();

		InboxHealth health = this.health.of(wechat.id()).orElseThrow();
		assertThat(health.check().state()).isEqualTo(ChannelCheck.State.EXPIRED_CREDENTIALS);
		assertThat(health.check().detail()).contains("40125").doesNotContain("changed-secret");
		assertThat(health.problems()).contains("expired_credentials");
	}

	@Test
	void refusedSignedRequestsAreCountedForTheirInbox() {
		InboxView inbox = bot(this.tokenEnv);
		org.springframework.http.HttpHeaders forged = new org.springframework.http.HttpHeaders();
		RequestSignatures
			.headers("not-the-secret", "POST", "/channels/webhook/x/messages", new byte[0], java.time.Instant.now())
			.forEach(forged::add);
		for (int i = 0; i < 3; i++) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> this.signatures.verify(inbox.id(), "the-secret", "POST",
						"/channels/webhook/x/messages", forged, new byte[0]))
				.isInstanceOf(SignatureRejectedException.class);
		}
		InboxHealth health = this.health.of(inbox.id()).orElseThrow();
		assertThat(health.refusedRequestsLastDay()).isEqualTo(3);
		assertThat(health.problems()).contains("requests_refused");
	}

	@Test
	void anUnsetSecretVariableIsAMissingCredential() {
		InboxView inbox = bot("HEALTH_NEVER_SET_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
		InboxHealth health = this.health.of(inbox.id()).orElseThrow();
		assertThat(health.missingCredentials()).singleElement().asString().startsWith("botTokenEnv (HEALTH_NEVER_SET_");
		assertThat(health.problems()).contains("missing_credential");
		assertThat(health.status()).isEqualTo("failing");

		this.inboxes.enable(inbox.id(), false);
		assertThat(this.health.of(inbox.id()).orElseThrow().status()).isEqualTo("disabled");
	}

	private InboxHealth awaitHealth(UUID inboxId, java.util.function.Predicate<InboxHealth> until)
			throws InterruptedException {
		InboxHealth health = null;
		for (int i = 0; i < 200; i++) {
			health = this.health.of(inboxId).orElseThrow();
			if (until.test(health)) {
				return health;
			}
			Thread.sleep(50);
		}
		return health;
	}

}
