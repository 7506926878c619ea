package io.walletdesk.channel.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RecordingApi;
import io.walletdesk.channel.RequestSignatures;
import io.walletdesk.channel.SignedWebhookReceiver;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.safety.Phrases;
import io.walletdesk.safety.internal.Bip39.Wordlist;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class AppChannelIntegrationTests {

	static final String SECRET = "app-secret-" + UUID.randomUUID();

	static final String SECRET_ENV = "WALLETDESK_APP_SECRET_TEST";

	static SignedWebhookReceiver backend;

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

	@Autowired
	IncompleteEventPublications incomplete;

	@LocalServerPort
	int port;

	final JsonMapper json = JsonMapper.builder().build();

	InboxView inbox;

	String userId;

	@BeforeAll
	static void startBackend() throws Exception {
		backend = new SignedWebhookReceiver(SECRET);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@BeforeEach
	void inbox() {
		RecordingApi.setProperty(this.environment, SECRET_ENV, SECRET);
		backend.answer(200);
		this.inbox = this.inboxes.create("in_app", "Wallet iOS " + UUID.randomUUID(),
				Map.of("secretEnv", SECRET_ENV, "acknowledge", "false"), null);
		this.userId = "user-" + UUID.randomUUID();
	}

	private String message(String messageId, String text) {
		return """
				{"messageId": "%s", "userId": "%s", "userName": "Mia", "language": "en", "appVersion": "4.2.1",
				 "os": "iOS 17.4", "walletAddresses": [
				   {"chain": "ethereum", "address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
				   {"chain": "tron", "address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}],
				 "subject": "Withdrawal", "text": "%s"}""".formatted(messageId, this.userId, text);
	}

	private String messagesPath() {
		return "/channels/app/" + this.inbox.publicKey() + "/messages";
	}

	private String pollPath(String query) {
		return "/channels/app/" + this.inbox.publicKey() + "/users/" + this.userId + "/messages"
				+ (query == null ? "" : "?" + query);
	}

	private ResultActions signedPost(String path, String body) throws Exception {
		return perform("POST", path, body,
				RequestSignatures.headers(SECRET, "POST", path, body.getBytes(StandardCharsets.UTF_8), Instant.now()));
	}

	private ResultActions signedGet(String pathAndQuery) throws Exception {
		return perform("GET", pathAndQuery, null,
				RequestSignatures.headers(SECRET, "GET", pathAndQuery, new byte[0], Instant.now()));
	}

	private ResultActions perform(String method, String pathAndQuery, String body, Map<String, String> headers)
			throws Exception {
		MockHttpServletRequestBuilder request = "GET".equals(method) ? get(URI.create(pathAndQuery))
				: post(URI.create(pathAndQuery)).contentType(MediaType.APPLICATION_JSON)
					.content(body.getBytes(StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return this.mvc.perform(request);
	}

	private JsonNode json(ResultActions actions) throws Exception {
		MvcResult result = actions.andReturn();
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private UUID ticketOfUser() {
		return this.jdbc.sql("select ticket_id from channel_thread where inbox_id = ? and thread_key = ?")
			.params(this.inbox.id(), this.userId)
			.query(UUID.class)
			.single();
	}

	private long threadsOfInbox() {
		return this.jdbc.sql("select count(*) from channel_thread where inbox_id = ?")
			.param(this.inbox.id())
			.query(Long.class)
			.single();
	}

	private UUID reply(UUID ticketId, String text) {
		AgentView agent = this.agents.create(Role.AGENT);
		return this.tickets
			.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), agent.displayName()), text, Visibility.PUBLIC))
			.id();
	}

	private String deliveryState(UUID messageId) {
		return this.jdbc.sql("select status from channel_delivery where message_id = ?")
			.param(messageId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String awaitDeliveryState(UUID messageId, String... states) throws InterruptedException {
		String state = null;
		for (int i = 0; i < 200; i++) {
			state = deliveryState(messageId);
			if (state != null && java.util.Arrays.asList(states).contains(state)) {
				return state;
			}
			Thread.sleep(50);
		}
		return state;
	}

	@Test
	void anAppMessageBecomesATicketOfTheAppUserWithTheAppsContext() throws Exception {
		JsonNode answer = json(signedPost(messagesPath(), message("m-1", "My USDT withdrawal is stuck"))
			.andExpect(status().isCreated()));

		UUID ticketId = ticketOfUser();
		assertThat(answer.path("messageId").asString()).isEqualTo("m-1");
		assertThat(answer.path("ticketId").asString()).isEqualTo(ticketId.toString());
		assertThat(answer.path("duplicate").asBoolean()).isFalse();
		TicketView.Details details = this.tickets.details(ticketId);
		assertThat(answer.path("ticketNumber").asString()).isEqualTo(details.ticket().number());
		assertThat(details.ticket().channel().id()).isEqualTo("in_app");
		assertThat(details.ticket().tags()).contains("app:4.2.1", "os:ios");
		assertThat(details.messages()).extracting(TicketView.MessageView::body)
			.containsExactly("My USDT withdrawal is stuck");
		UUID customerId = this.customers.findByIdentity(IdentityKind.APP_USER, this.userId).orElseThrow();
		assertThat(details.ticket().requesterId()).isEqualTo(customerId);
		assertThat(this.customers.walletAddresses(customerId)).containsExactlyInAnyOrder(
				"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
		assertThat(this.jdbc.sql("select app_version || ' ' || os from channel_app_context where message_id = ?")
			.param(details.messages().get(0).id())
			.query(String.class)
			.single()).isEqualTo("4.2.1 iOS 17.4");
	}

	@Test
	void aVerifiedEmailJoinsTheAppUserWithTheCustomerWhoWritesFromIt() throws Exception {
		String email = "mia." + UUID.randomUUID() + "@example.com";
		UUID emailCustomer = this.customers.identify(IdentityKind.EMAIL, email, "Mia Chen", "en");
		String body = message("m-verified", "Same person as my e-mail").replace("\"subject\"",
				"\"verifiedEmail\": \"" + email + "\", \"verifiedPhone\": \"+8613800138000\", \"subject\"");
		signedPost(messagesPath(), body).andExpect(status().isCreated());

		assertThat(this.tickets.get(ticketOfUser()).requesterId()).isEqualTo(emailCustomer);
		assertThat(this.customers.findByIdentity(IdentityKind.APP_USER, this.userId)).contains(emailCustomer);
		assertThat(this.customers.findByIdentity(IdentityKind.PHONE, "+8613800138000")).contains(emailCustomer);
	}

	@Test
	void aNewerAppVersionReplacesTheVersionTag() throws Exception {
		signedPost(messagesPath(), message("m-1", "first")).andExpect(status().isCreated());
		signedPost(messagesPath(), message("m-2", "second").replace("4.2.1", "4.3.0")).andExpect(status().isCreated());
		TicketView ticket = this.tickets.get(ticketOfUser());
		assertThat(ticket.tags()).contains("app:4.3.0", "os:ios").doesNotContain("app:4.2.1");
		assertThat(this.tickets.details(ticket.id()).messages()).hasSize(2);
	}

	@Test
	void aRetriedMessageIsStoredOnceAndAnsweredWithTheFirstResult() throws Exception {
		JsonNode first = json(signedPost(messagesPath(), message("m-7", "hello")).andExpect(status().isCreated()));
		JsonNode again = json(signedPost(messagesPath(), message("m-7", "hello")).andExpect(status().isOk()));
		assertThat(again.path("duplicate").asBoolean()).isTrue();
		assertThat(again.path("ticketNumber").asString()).isEqualTo(first.path("ticketNumber").asString());
		assertThat(again.path("walletdeskMessageId").asString())
			.isEqualTo(first.path("walletdeskMessageId").asString());
		assertThat(this.tickets.details(ticketOfUser()).messages()).hasSize(1);
	}

	@Test
	void aMnemonicInTheTextIsRedactedBeforeItIsStored() throws Exception {
		String phrase = String.join(" ", Phrases.valid(new Random(), 12, Wordlist.ENGLISH));
		signedPost(messagesPath(), message("m-9", "my recovery phrase is " + phrase + " please help"))
			.andExpect(status().isCreated());
		UUID ticketId = ticketOfUser();
		String stored = this.tickets.details(ticketId).messages().get(0).body();
		assertThat(stored).doesNotContain(phrase).contains("redacted");
		long copies = this.jdbc.sql("""
				select (select count(*) from ticket_message where body like ? or body_html like ?)
				     + (select count(*) from ticket where subject like ?)""")
			.params("%" + phrase + "%", "%" + phrase + "%", "%" + phrase + "%")
			.query(Long.class)
			.single();
		assertThat(copies).isZero();
	}

	@Test
	void aSignatureWithTheWrongSecretIsRejectedAndNothingStored() throws Exception {
		String body = message("m-1", "hi");
		perform("POST", messagesPath(), body,
				RequestSignatures.headers("not-the-secret", "POST", messagesPath(),
						body.getBytes(StandardCharsets.UTF_8), Instant.now()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("bad_signature"));
		assertThat(threadsOfInbox()).isZero();
	}

	@Test
	void requestsSignedOutsideTheFiveMinuteWindowAreRejected() throws Exception {
		String body = message("m-1", "hi");
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		perform("POST", messagesPath(), body,
				RequestSignatures.headers(SECRET, "POST", messagesPath(), bytes, Instant.now().minusSeconds(301 + 5)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("stale_timestamp"));
		perform("POST", messagesPath(), body,
				RequestSignatures.headers(SECRET, "POST", messagesPath(), bytes, Instant.now().plusSeconds(301 + 5)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("stale_timestamp"));
		// A little clock skew either way is fine.
		perform("POST", messagesPath(), body,
				RequestSignatures.headers(SECRET, "POST", messagesPath(), bytes, Instant.now().plusSeconds(200)))
			.andExpect(status().isCreated());
		assertThat(threadsOfInbox()).isOne();
	}

	@Test
	void aReplayedNonceIsRejected() throws Exception {
		String body = message("m-1", "hi");
		Map<String, String> headers = RequestSignatures.headers(SECRET, "POST", messagesPath(),
				body.getBytes(StandardCharsets.UTF_8), Instant.now());
		perform("POST", messagesPath(), body, headers).andExpect(status().isCreated());
		String other = message("m-2", "hi");
		perform("POST", messagesPath(), body, headers).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("replayed"));
		assertThat(this.tickets.details(ticketOfUser()).messages()).hasSize(1);
		assertThat(other).isNotEqualTo(body);
	}

	@Test
	void unsignedRequestsAreRejected() throws Exception {
		perform("POST", messagesPath(), message("m-1", "hi"), Map.of()).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("missing_headers"));
		perform("GET", pollPath(null), null, Map.of()).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("missing_headers"));
		assertThat(threadsOfInbox()).isZero();
	}

	@Test
	void aTamperedBodyOrQueryIsRejected() throws Exception {
		String signedBody = message("m-1", "send to my address");
		String sentBody = message("m-1", "send to an attacker's address");
		perform("POST", messagesPath(), sentBody,
				RequestSignatures.headers(SECRET, "POST", messagesPath(), signedBody.getBytes(StandardCharsets.UTF_8),
						Instant.now()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("bad_signature"));
		assertThat(threadsOfInbox()).isZero();

		Map<String, String> headers = RequestSignatures.headers(SECRET, "GET", pollPath("limit=1"), new byte[0],
				Instant.now());
		perform("GET", pollPath("limit=100"), null, headers).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("bad_signature"));
	}

	@Test
	void anUnknownInboxKeyIsNotFound() throws Exception {
		String path = "/channels/app/in_app_doesnotexist/messages";
		String body = message("m-1", "hi");
		perform("POST", path, body,
				RequestSignatures.headers(SECRET, "POST", path, body.getBytes(StandardCharsets.UTF_8), Instant.now()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void invalidFieldsAreAllReportedAsAProblem() throws Exception {
		String body = """
				{"messageId": "m 1", "userId": "%s", "appVersion": "", "os": "iOS", "language": "english!",
				 "walletAddresses": [{"chain": "ethereum", "address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"},
				                     {"chain": "bitcoin", "address": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"},
				                     {"chain": "bitcoin", "address": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx"}],
				 "text": " ",
				 "attachments": [{"name": "a.exe", "contentType": "application/x-msdownload", "base64": "TVqQ"},
				                 {"name": "b.png", "contentType": "image/png", "base64": "not base64!"}]}"""
			.formatted(this.userId);
		signedPost(messagesPath(), body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://walletdesk.io/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("messageId",
					"appVersion", "language", "walletAddresses[0].address", "walletAddresses[2].address",
					"attachments[0].contentType", "attachments[1].base64")));
		signedPost(messagesPath(),
				"""
						{"messageId": "m-2", "userId": "%s", "appVersion": "4.2.1", "os": "iOS", "text": " "}"""
					.formatted(this.userId))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("text")));
		signedPost(messagesPath(), "[not json").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		assertThat(threadsOfInbox()).isZero();
	}

	@Test
	void anAttachmentIsStoredWithTheMessage() throws Exception {
		String content = Base64.getEncoder().encodeToString("tx 0xabc failed".getBytes(StandardCharsets.UTF_8));
		String body = """
				{"messageId": "m-a", "userId": "%s", "appVersion": "4.2.1", "os": "android",
				 "text": "log attached", "attachments": [{"name": "log.txt", "contentType": "text/plain", "base64": "%s"}]}"""
			.formatted(this.userId, content);
		signedPost(messagesPath(), body).andExpect(status().isCreated());
		TicketView.MessageView stored = this.tickets.details(ticketOfUser()).messages().get(0);
		assertThat(stored.attachments()).extracting(TicketView.AttachmentView::fileName).containsExactly("log.txt");
		assertThat(this.tickets.get(ticketOfUser()).tags()).contains("os:android");
	}

	@Test
	void aScreenshotWithoutTextIsNamedInTheText() throws Exception {
		String png = Base64.getEncoder().encodeToString(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		String body = """
				{"messageId": "m-s", "userId": "%s", "appVersion": "4.2.1", "os": "android",
				 "attachments": [{"name": "screenshot.png", "contentType": "image/png", "base64": "%s"}]}"""
			.formatted(this.userId, png);
		signedPost(messagesPath(), body).andExpect(status().isCreated());
		TicketView.MessageView stored = this.tickets.details(ticketOfUser()).messages().get(0);
		assertThat(stored.body()).isEqualTo("Attachments: screenshot.png");
		assertThat(stored.attachments()).extracting(TicketView.AttachmentView::size).containsExactly(4L);
	}

	@Test
	void pollingReturnsTheConversationWithAgentRepliesAndMarksThemDelivered() throws Exception {
		signedPost(messagesPath(), message("m-1", "where is my withdrawal?")).andExpect(status().isCreated());
		UUID ticketId = ticketOfUser();
		UUID replyId = reply(ticketId, "It was sent 5 minutes ago, please check again.");
		assertThat(awaitDeliveryState(replyId, "sent")).isEqualTo("sent");

		JsonNode page = json(signedGet(pollPath("limit=10")).andExpect(status().isOk()));
		JsonNode messages = page.path("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).path("author").asString()).isEqualTo("customer");
		assertThat(messages.get(0).path("appMessageId").asString()).isEqualTo("m-1");
		assertThat(messages.get(1).path("id").asString()).isEqualTo(replyId.toString());
		assertThat(messages.get(1).path("author").asString()).isEqualTo("agent");
		assertThat(messages.get(1).path("text").asString()).isEqualTo("It was sent 5 minutes ago, please check again.");
		assertThat(messages.get(1).path("ticketNumber").asString()).isEqualTo(this.tickets.get(ticketId).number());
		assertThat(messages.get(1).path("ticketStatus").asString()).isNotBlank();
		assertThat(deliveryState(replyId)).isEqualTo("delivered");

		String cursor = page.path("nextCursor").asString();
		JsonNode after = json(signedGet(pollPath("after=" + cursor)).andExpect(status().isOk()));
		assertThat(after.path("messages")).isEmpty();
		assertThat(after.path("nextCursor").asString()).isEqualTo(cursor);

		UUID second = reply(ticketId, "Anything else?");
		JsonNode next = json(signedGet(pollPath("after=" + cursor)).andExpect(status().isOk()));
		assertThat(next.path("messages")).hasSize(1);
		assertThat(next.path("messages").get(0).path("id").asString()).isEqualTo(second.toString());
	}

	@Test
	void pollingPagesWithTheLimit() throws Exception {
		signedPost(messagesPath(), message("m-1", "one")).andExpect(status().isCreated());
		signedPost(messagesPath(), message("m-2", "two")).andExpect(status().isCreated());
		signedPost(messagesPath(), message("m-3", "three")).andExpect(status().isCreated());
		JsonNode first = json(signedGet(pollPath("limit=2")).andExpect(status().isOk()));
		assertThat(first.path("messages")).extracting(node -> node.path("text").asString())
			.containsExactly("one", "two");
		JsonNode second = json(
				signedGet(pollPath("limit=2&after=" + first.path("nextCursor").asString())).andExpect(status().isOk()));
		assertThat(second.path("messages")).extracting(node -> node.path("text").asString()).containsExactly("three");
		signedGet(pollPath("limit=500")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		signedGet(pollPath("after=garbage")).andExpect(status().isBadRequest());
	}

	@Test
	void aReadReceiptMarksTheReplyRead() throws Exception {
		signedPost(messagesPath(), message("m-1", "hello")).andExpect(status().isCreated());
		UUID replyId = reply(ticketOfUser(), "Hello, how can we help?");
		awaitDeliveryState(replyId, "sent");
		String path = "/channels/app/" + this.inbox.publicKey() + "/users/" + this.userId + "/read";
		signedPost(path, "{\"messageId\": \"" + replyId + "\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("read"));
		assertThat(deliveryState(replyId)).isEqualTo("read");
		assertThat(this.jdbc.sql("select count(*) from channel_delivery where message_id = ? and read_at is not null")
			.param(replyId)
			.query(Long.class)
			.single()).isOne();
		signedPost(path, "{\"messageId\": \"" + UUID.randomUUID() + "\"}").andExpect(status().isNotFound());
	}

	@Test
	void aReplyIsPushedToTheAppsBackendAsASignedWebhookAndRetriedUntilAccepted() throws Exception {
		this.inbox = this.inboxes.configure(this.inbox.id(), this.inbox.name(), Map.of("secretEnv", SECRET_ENV,
				"webhookUrl", backend.url("/hooks/walletdesk?tenant=7"), "acknowledge", "false"), null);
		signedPost(messagesPath(), message("m-1", "hello")).andExpect(status().isCreated());
		backend.answer(500);
		UUID replyId = reply(ticketOfUser(), "We refunded the fee.");
		SignedWebhookReceiver.Call refused = backend.await(call -> call.body().contains(replyId.toString()));
		assertThat(refused.answeredWith()).isEqualTo(500);
		assertThat(awaitDeliveryState(replyId, "failed")).isEqualTo("failed");

		backend.answer(200);
		// The backoff is over: the scheduled retry (every 5 s in tests too) sends it
		// again.
		this.jdbc.sql("update channel_delivery set next_attempt_at = now() - interval '1 second' where message_id = ?")
			.param(replyId)
			.update();
		SignedWebhookReceiver.Call accepted = backend
			.await(call -> call.body().contains(replyId.toString()) && call.answeredWith() == 200);
		assertThat(accepted.signatureValid()).isTrue();
		assertThat(accepted.method()).isEqualTo("POST");
		assertThat(accepted.target()).isEqualTo("/hooks/walletdesk?tenant=7");
		assertThat(accepted.headers().get("X-WalletDesk-Delivery")).isEqualTo(replyId.toString());
		JsonNode payload = this.json.readTree(accepted.body());
		assertThat(payload.path("type").asString()).isEqualTo("reply");
		assertThat(payload.path("deliveryId").asString()).isEqualTo(replyId.toString());
		assertThat(payload.path("userId").asString()).isEqualTo(this.userId);
		assertThat(payload.path("text").asString()).isEqualTo("We refunded the fee.");
		assertThat(payload.path("ticketNumber").asString()).isEqualTo(this.tickets.get(ticketOfUser()).number());
		assertThat(awaitDeliveryState(replyId, "sent")).isEqualTo("sent");

		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		Thread.sleep(500);
		assertThat(backend.calls()
			.stream()
			.filter(call -> call.body().contains(replyId.toString()) && call.answeredWith() == 200)).hasSize(1);
	}

	@Test
	void signedRequestsWorkOverRealHttpWithEscapedPathsAndQueries() throws Exception {
		this.userId = "mia+test@example.test";
		HttpClient http = HttpClient.newHttpClient();
		String body = message("m-http", "sent over the wire");
		String target = messagesPath();
		HttpRequest.Builder send = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + target))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		RequestSignatures.headers(SECRET, "POST", target, body.getBytes(StandardCharsets.UTF_8), Instant.now())
			.forEach(send::header);
		HttpResponse<String> sent = http.send(send.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sent.statusCode()).isEqualTo(201);

		String poll = "/channels/app/" + this.inbox.publicKey()
				+ "/users/mia%2Btest%40example.test/messages?limit=5&x=a%20b";
		HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + poll)).GET();
		RequestSignatures.headers(SECRET, "GET", poll, new byte[0], Instant.now()).forEach(get::header);
		HttpResponse<String> polled = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(polled.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(polled.body()).path("messages").get(0).path("text").asString())
			.isEqualTo("sent over the wire");
	}

}
