package io.walletdesk.channel.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RecordingApi;
import io.walletdesk.channel.RequestSignatures;
import io.walletdesk.channel.SignedWebhookReceiver;
import io.walletdesk.channel.SignedWebhooks;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class WebhookChannelIntegrationTests {

	static final String SECRET = "bridge-secret-" + UUID.randomUUID();

	static final String SECRET_ENV = "WALLETDESK_WEBHOOK_SECRET_TEST";

	static SignedWebhookReceiver bridge;

	@Autowired
	MockMvc mvc;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	CustomerManagement customers;

	@Autowired
	TestAgents agents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	final JsonMapper json = JsonMapper.builder().build();

	InboxView inbox;

	String conversation;

	@BeforeAll
	static void startBridge() throws Exception {
		bridge = new SignedWebhookReceiver(SECRET);
	}

	@AfterAll
	static void stopBridge() {
		bridge.close();
	}

	@BeforeEach
	void inbox() {
		RecordingApi.setProperty(this.environment, SECRET_ENV, SECRET);
		bridge.answer(200);
		bridge.delay(Duration.ZERO);
		this.inbox = this.inboxes.create("webhook", "Weibo bridge " + UUID.randomUUID(),
				Map.of("secretEnv", SECRET_ENV, "replyUrl", bridge.url("/weibo/replies"), "acknowledge", "false"),
				null);
		this.conversation = "weibo-dm-" + UUID.randomUUID();
	}

	private String path(String endpoint) {
		return "/channels/webhook/" + this.inbox.publicKey() + "/" + endpoint;
	}

	private ResultActions signedPost(String endpoint, String body) throws Exception {
		return signedPost(endpoint, body, SECRET);
	}

	private ResultActions signedPost(String endpoint, String body, String secret) throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequestBuilder request = post(URI.create(path(endpoint))).contentType(MediaType.APPLICATION_JSON)
			.content(bytes);
		RequestSignatures.headers(secret, "POST", path(endpoint), bytes, Instant.now()).forEach(request::header);
		return this.mvc.perform(request);
	}

	private String message(String messageId, String sender, String text) {
		return """
				{"messageId": "%s", "conversationId": "%s", "sender": %s, "language": "zh-CN",
				 "text": "%s", "sentAt": "2026-01-31T08:15:00+08:00"}""".formatted(messageId, this.conversation, sender,
				text);
	}

	private UUID ticketOfConversation() {
		return this.jdbc.sql("select ticket_id from channel_thread where inbox_id = ? and thread_key = ?")
			.params(this.inbox.id(), this.conversation)
			.query(UUID.class)
			.single();
	}

	private UUID reply(UUID ticketId, String text) {
		AgentView agent = this.agents.create(Role.AGENT);
		return this.tickets
			.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), agent.displayName()), text, Visibility.PUBLIC))
			.id();
	}

	@Test
	void messagesOfOneConversationContinueOneTicket() throws Exception {
		String sender = "{\"id\": \"5678901234\", \"name\": \"小王\"}";
		JsonNode first = this.json
			.readTree(signedPost("messages", message("w-1", sender, "提币一直没到账")).andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		signedPost("messages", message("w-2", sender, "交易哈希 0xabc")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.ticketNumber").value(first.path("ticketNumber").asString()));

		TicketView.Details details = this.tickets.details(ticketOfConversation());
		assertThat(details.ticket().channel().id()).isEqualTo("webhook");
		assertThat(details.messages()).extracting(TicketView.MessageView::body)
			.containsExactly("提币一直没到账", "交易哈希 0xabc");
		assertThat(details.messages().get(0).receivedAt()).isEqualTo(Instant.parse("2026-01-31T00:15:00Z"));
		UUID customerId = this.customers
			.findByIdentity(IdentityKind.APP_USER, WebhookApi.otherHandle(this.inbox.id(), "5678901234"))
			.orElseThrow();
		assertThat(details.ticket().requesterId()).isEqualTo(customerId);
		assertThat(this.customers.get(customerId).displayName()).isEqualTo("小王");
	}

	@Test
	void aRetriedMessageIsStoredOnce() throws Exception {
		String sender = "{\"id\": \"mia@example.test\", \"kind\": \"email\"}";
		signedPost("messages", message("w-1", sender, "hello")).andExpect(status().isCreated());
		signedPost("messages", message("w-1", sender, "hello")).andExpect(status().isOk())
			.andExpect(jsonPath("$.duplicate").value(true));
		assertThat(this.tickets.details(ticketOfConversation()).messages()).hasSize(1);
		assertThat(this.customers.findByIdentity(IdentityKind.EMAIL, "mia@example.test")).isPresent();
	}

	@Test
	void aWronglySignedMessageIsRejected() throws Exception {
		signedPost("messages", message("w-1", "{\"id\": \"1\"}", "hi"), "guessed-secret")
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("bad_signature"));
		this.mvc
			.perform(post(path("messages")).contentType(MediaType.APPLICATION_JSON)
				.content(message("w-1", "{\"id\": \"1\"}", "hi")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("missing_headers"));
		assertThat(this.jdbc.sql("select count(*) from channel_thread where inbox_id = ?")
			.param(this.inbox.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void invalidFieldsAreReportedAsAProblem() throws Exception {
		signedPost("messages", """
				{"messageId": "w-1", "conversationId": "c 1", "sender": {"id": "not-an-address", "kind": "email"},
				 "text": "", "sentAt": "yesterday"}""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field")
				.value(Matchers.containsInAnyOrder("conversationId", "sender.id", "text", "sentAt")));
		signedPost("messages", """
				{"messageId": "w-1", "conversationId": "c1", "text": "hi"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("sender")));
	}

	@Test
	void repliesGoToTheBridgeSignedAndReceiptsComeBack() throws Exception {
		signedPost("messages", message("w-1", "{\"id\": \"5678901234\"}", "help")).andExpect(status().isCreated());
		UUID ticketId = ticketOfConversation();
		UUID replyId = reply(ticketId, "您好，我们正在核查这笔提币。");

		SignedWebhookReceiver.Call call = bridge.await(c -> c.body().contains(replyId.toString()));
		assertThat(call.signatureValid()).isTrue();
		assertThat(call.target()).isEqualTo("/weibo/replies");
		assertThat(call.headers().get("X-WalletDesk-Delivery")).isEqualTo(replyId.toString());
		JsonNode payload = this.json.readTree(call.body());
		assertThat(payload.path("type").asString()).isEqualTo("reply");
		assertThat(payload.path("deliveryId").asString()).isEqualTo(replyId.toString());
		assertThat(payload.path("conversationId").asString()).isEqualTo(this.conversation);
		assertThat(payload.path("recipient").asString()).isEqualTo("5678901234");
		assertThat(payload.path("ticketNumber").asString()).isEqualTo(this.tickets.get(ticketId).number());
		assertThat(payload.path("text").asString()).isEqualTo("您好，我们正在核查这笔提币。");

		String state = null;
		for (int i = 0; i < 200 && !"sent".equals(state); i++) {
			state = this.jdbc.sql("select status from channel_delivery where message_id = ?")
				.param(replyId)
				.query(String.class)
				.optional()
				.orElse(null);
			Thread.sleep(50);
		}
		signedPost("receipts",
				"{\"deliveryId\": \"%s\", \"state\": \"delivered\", \"at\": \"%s\"}".formatted(replyId, Instant.now()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("delivered"));
		signedPost("receipts", "{\"deliveryId\": \"%s\", \"state\": \"read\"}".formatted(replyId))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("read"));
		// A late "delivered" never hides the "read".
		signedPost("receipts", "{\"deliveryId\": \"%s\", \"state\": \"delivered\"}".formatted(replyId))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("read"));
		signedPost("receipts", "{\"deliveryId\": \"%s\", \"state\": \"delivered\"}".formatted(UUID.randomUUID()))
			.andExpect(status().isNotFound());
		signedPost("receipts", "{\"deliveryId\": \"%s\", \"state\": \"seen\"}".formatted(replyId))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("state"));
	}

	@Test
	void aBridgeThatDoesNotAnswerInTimeFailsTheDelivery() throws Exception {
		RecordingApi.setProperty(this.environment, SignedWebhooks.TIMEOUT_PROPERTY, "500ms");
		try {
			bridge.delay(Duration.ofSeconds(3));
			signedPost("messages", message("w-1", "{\"id\": \"42\"}", "hello")).andExpect(status().isCreated());
			UUID replyId = reply(ticketOfConversation(), "Slow bridge test");
			String state = null;
			for (int i = 0; i < 200 && !"failed".equals(state); i++) {
				state = this.jdbc
					.sql("select status || ' ' || coalesce(last_error, '') from channel_delivery where message_id = ?")
					.param(replyId)
					.query(String.class)
					.optional()
					.map(value -> value.startsWith("failed") ? "failed" : value)
					.orElse(null);
				Thread.sleep(50);
			}
			assertThat(state).isEqualTo("failed");
			assertThat(this.jdbc.sql("select last_error from channel_delivery where message_id = ?")
				.param(replyId)
				.query(String.class)
				.single()).contains("did not answer within");
		}
		finally {
			RecordingApi.setProperty(this.environment, SignedWebhooks.TIMEOUT_PROPERTY, "10s");
			bridge.delay(Duration.ZERO);
		}
	}

}
