package io.walletdesk.channel.widget;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.DeliveryReports;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomerView;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.safety.Phrases;
import io.walletdesk.safety.internal.Bip39;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web chat protocol as the widget and a console use it: real HTTP, real STOMP
 * sessions over WebSocket, real PostgreSQL.
 */
@WalletDeskIntegrationTest
class WebChatIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	CustomerManagement customers;

	@Autowired
	DeliveryReports reports;

	@Autowired
	TestAgents agents;

	private final HttpClient http = HttpClient.newHttpClient();

	private final WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());

	private final Random random = new SecureRandom();

	private UUID group;

	private InboxView inbox;

	@BeforeEach
	void inbox() {
		this.group = this.agents.group("chat");
		this.inbox = this.inboxes.create("web_chat", "Help center " + UUID.randomUUID(),
				Map.of("expectedResponseMinutes", "3", "acknowledge", "false"), this.group);
	}

	@AfterEach
	void stop() {
		this.stomp.stop();
	}

	@Test
	void issuesASignedVisitorTokenAndResumesTheConversationWithIt() throws Exception {
		JsonNode session = post("/sessions", null, "{\"name\":\"Li Lei\",\"language\":\"zh\"}", 200);
		String token = session.path("visitorToken").asString();
		String visitorId = session.path("visitorId").asString();
		assertThat(token).matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
		assertThat(session.path("messages").isEmpty()).isTrue();

		JsonNode sent = post("/messages", token,
				"{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"你好，我的转账还没到账\"}", 201);
		assertThat(sent.path("ticketNumber").asString()).isNotBlank();
		assertThat(sent.path("duplicate").asBoolean()).isFalse();

		JsonNode resumed = post("/sessions", null, "{\"visitorToken\":\"" + token + "\"}", 200);
		assertThat(resumed.path("visitorId").asString()).isEqualTo(visitorId);
		assertThat(resumed.path("messages").get(0).path("text").asString()).isEqualTo("你好，我的转账还没到账");
		assertThat(resumed.path("messages").get(0).path("author").asString()).isEqualTo("customer");
		assertThat(resumed.path("messages").get(0).path("state").asString()).isEqualTo("sent");
		assertThat(resumed.path("messages").get(0).path("authorName").asString()).isEqualTo("Li Lei");

		String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
		assertThat(post("/sessions", null, "{\"visitorToken\":\"" + tampered + "\"}", 401).path("title").asString())
			.isEqualTo("Visitor token rejected");
		InboxView other = this.inboxes.create("web_chat", "Other " + UUID.randomUUID(), Map.of(), null);
		assertThat(request("POST", "/channels/widget/" + other.publicKey() + "/sessions", null,
				"{\"visitorToken\":\"" + token + "\"}")
			.statusCode()).isEqualTo(401);
		assertThat(request("GET", path("/messages"), null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void anEmailIsRecordedButNeverJoinsTheVisitorToTheCustomerWhoOwnsIt() throws Exception {
		String email = "owner-" + UUID.randomUUID() + "@example.test";
		UUID owner = this.customers.identify(IdentityKind.EMAIL, email, "Real owner", "en");

		JsonNode session = post("/sessions", null, "{\"name\":\"Impostor\",\"email\":\"" + email + "\"}", 200);

		UUID visitorCustomer = this.customers
			.findByIdentity(IdentityKind.WEB_VISITOR, session.path("visitorId").asString())
			.orElseThrow();
		assertThat(visitorCustomer).isNotEqualTo(owner);
		CustomerView visitor = this.customers.get(visitorCustomer);
		assertThat(visitor.displayName()).isEqualTo("Impostor");
		assertThat(visitor.email()).isNull();
		assertThat(visitor.notes()).contains(email).contains("not verified");
	}

	@Test
	void refusesInvalidInputWithProblemDetails() throws Exception {
		String token = post("/sessions", null, "{}", 200).path("visitorToken").asString();

		assertThat(post("/messages", token, "{\"clientMessageId\":\"nope\",\"text\":\"hi\"}", 400).toString())
			.contains("clientMessageId");
		assertThat(post("/messages", token, "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"  \"}", 400)
			.toString()).contains("text");
		assertThat(post("/messages", token,
				"{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + "x".repeat(5001) + "\"}", 400)
			.toString()).contains("text");
		assertThat(post("/messages", token,
				"{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"hi\",\"email\":\"not-an-address\"}", 400)
			.toString()).contains("email");
		assertThat(post("/sessions", null, "{\"email\":\"a@b\"}", 400).toString()).contains("email");
		assertThat(request("GET", path("/config") + "?lang=fr", null, null).statusCode()).isEqualTo(400);
		assertThat(request("GET", "/channels/widget/web_chat_unknown/config", null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void configShowsOfficeHoursInTheVisitorsLanguageAndWhenTheyOpenNext() throws Exception {
		DayOfWeek tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek();
		String day = tomorrow.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
		InboxView closed = this.inboxes.create("web_chat", "Closed " + UUID.randomUUID(),
				Map.of("officeHours", day + " 09:00-10:00", "timeZone", "UTC"), null);

		JsonNode zh = JSON
			.readTree(request("GET", "/channels/widget/" + closed.publicKey() + "/config?lang=zh", null, null).body());
		assertThat(zh.path("open").asBoolean()).isFalse();
		assertThat(zh.path("language").asString()).isEqualTo("zh");
		assertThat(zh.path("officeHours").get(0).asString()).startsWith("周").endsWith("09:00–10:00");
		assertThat(zh.path("nextOpenAt").asString())
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T09:00:00Z");
		assertThat(zh.path("expectedResponseSeconds").asLong()).isEqualTo(300);

		JsonNode en = JSON.readTree(request("GET", path("/config") + "?lang=en", null, null).body());
		assertThat(en.path("open").asBoolean()).isTrue();
		assertThat(en.path("nextOpenAt").isNull()).isTrue();
		assertThat(en.path("expectedResponseSeconds").asLong()).isEqualTo(180);
		assertThat(en.path("name").asString()).isEqualTo(this.inbox.name());
		assertThat(en.path("greeting").asString()).isNotBlank();
	}

	@Test
	void aMessageIsAcknowledgedAsStoredWithSecretsRedactedAndAResendIsNotStoredTwice() throws Exception {
		JsonNode session = post("/sessions", null, "{}", 200);
		String token = session.path("visitorToken").asString();
		String key = String.join(" ", Phrases.valid(this.random, 12, Bip39.Wordlist.ENGLISH));
		String clientId = UUID.randomUUID().toString();
		String send = "{\"clientMessageId\":\"" + clientId + "\",\"text\":\"my seed is " + key + " please help\"}";

		Listener first = new Listener();
		StompSession tab = visitor(token, first);
		tab.subscribe(WidgetLiveSessions.USER_QUEUE, first);
		tab.send(sendHeaders("/app/widget.send"), send.getBytes(StandardCharsets.UTF_8));
		JsonNode ack = first.next("ack");
		assertThat(ack.path("clientMessageId").asString()).isEqualTo(clientId);
		assertThat(ack.path("text").asString()).contains("[redacted: mnemonic").doesNotContain(key);
		assertThat(ack.path("ticketNumber").asString()).isNotBlank();
		tab.disconnect();

		// The widget reconnects and resends what it has no ack for.
		Listener again = new Listener();
		StompSession reconnected = visitor(token, again);
		reconnected.subscribe(WidgetLiveSessions.USER_QUEUE, again);
		reconnected.send(sendHeaders("/app/widget.send"), send.getBytes(StandardCharsets.UTF_8));
		JsonNode second = again.next("ack");
		assertThat(second.path("messageId").asString()).isEqualTo(ack.path("messageId").asString());
		assertThat(second.path("text").asString()).isEqualTo(ack.path("text").asString());
		assertThat(second.path("duplicate").asBoolean()).isTrue();

		JsonNode viaRest = post("/messages", token, send, 201);
		assertThat(viaRest.path("messageId").asString()).isEqualTo(ack.path("messageId").asString());
		assertThat(viaRest.path("duplicate").asBoolean()).isTrue();

		JsonNode history = JSON.readTree(request("GET", path("/messages"), token, null).body());
		List<JsonNode> own = history.valueStream()
			.filter(message -> "customer".equals(message.path("author").asString()))
			.toList();
		assertThat(own).hasSize(1);
		assertThat(own.get(0).path("clientMessageId").asString()).isEqualTo(clientId);
		assertThat(own.get(0).path("text").asString()).doesNotContain(key);
		// The safety guard's warning to the customer is part of the conversation.
		assertThat(history.valueStream().map(message -> message.path("author").asString())).contains("system");
	}

	@Test
	void anAgentsReplyReachesEveryTabOfTheVisitorAndReceiptsComeBack() throws Exception {
		String token = post("/sessions", null, "{}", 200).path("visitorToken").asString();
		Listener one = new Listener();
		StompSession tabOne = visitor(token, one);
		tabOne.subscribe(WidgetLiveSessions.USER_QUEUE, one);
		Listener two = new Listener();
		StompSession tabTwo = visitor(token, two);
		tabTwo.subscribe(WidgetLiveSessions.USER_QUEUE, two);
		String clientId = UUID.randomUUID().toString();
		tabOne.send(sendHeaders("/app/widget.send"),
				("{\"clientMessageId\":\"" + clientId + "\",\"text\":\"Where is my withdrawal?\"}")
					.getBytes(StandardCharsets.UTF_8));
		JsonNode ack = one.next("ack");
		// The other tab learns of the visitor's own message too.
		assertThat(two.next("ack").path("clientMessageId").asString()).isEqualTo(clientId);

		UUID ticketId = this.tickets.message(UUID.fromString(ack.path("messageId").asString()))
			.map(message -> ticketOf(message.id()))
			.orElseThrow();
		AgentView agent = this.agents.create(Role.AGENT, this.group);
		TicketView.MessageView reply = this.tickets.post(ticketId, PostMessage
			.reply(Actor.agent(agent.id(), agent.displayName()), "It is on its way.", Visibility.PUBLIC));

		for (Listener tab : List.of(one, two)) {
			JsonNode pushed = tab.next("message");
			assertThat(pushed.path("messageId").asString()).isEqualTo(reply.id().toString());
			assertThat(pushed.path("author").asString()).isEqualTo("agent");
			assertThat(pushed.path("text").asString()).isEqualTo("It is on its way.");
		}
		awaitState(ticketId, reply.id(), "sent");

		tabTwo.send(sendHeaders("/app/widget.received"),
				("{\"messageId\":\"" + reply.id() + "\"}").getBytes(StandardCharsets.UTF_8));
		awaitState(ticketId, reply.id(), "delivered");
		tabOne.send(sendHeaders("/app/widget.read"),
				("{\"messageId\":\"" + reply.id() + "\"}").getBytes(StandardCharsets.UTF_8));
		awaitState(ticketId, reply.id(), "read");
		assertThat(this.reports.ofTicket(ticketId).get(reply.id()).readAt()).isNotNull();
	}

	@Test
	void aVisitorCannotReportReceiptsForAnotherVisitorsReplies() throws Exception {
		String owner = post("/sessions", null, "{}", 200).path("visitorToken").asString();
		JsonNode sent = post("/messages", owner,
				"{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Mine\"}", 201);
		UUID ticketId = ticketOf(UUID.fromString(sent.path("messageId").asString()));
		AgentView agent = this.agents.create(Role.AGENT, this.group);
		TicketView.MessageView reply = this.tickets.post(ticketId,
				PostMessage.reply(Actor.agent(agent.id(), agent.displayName()), "For the owner", Visibility.PUBLIC));
		awaitState(ticketId, reply.id(), "sent");

		String stranger = post("/sessions", null, "{}", 200).path("visitorToken").asString();
		Listener frames = new Listener();
		StompSession session = visitor(stranger, frames);
		session.send(sendHeaders("/app/widget.read"),
				("{\"messageId\":\"" + reply.id() + "\"}").getBytes(StandardCharsets.UTF_8));
		// The owner's device reports the reply delivered. Had the stranger's "read"
		// counted,
		// the state would be "read" for good: states only move forward.
		Listener ownerFrames = new Listener();
		StompSession ownerSession = visitor(owner, ownerFrames);
		ownerSession.send(sendHeaders("/app/widget.received"),
				("{\"messageId\":\"" + reply.id() + "\"}").getBytes(StandardCharsets.UTF_8));
		awaitState(ticketId, reply.id(), "delivered");
		Thread.sleep(500);

		assertThat(this.reports.ofTicket(ticketId).get(reply.id()).state()).isEqualTo("delivered");
		assertThat(this.reports.ofTicket(ticketId).get(reply.id()).readAt()).isNull();
	}

	@Test
	void typingIsShownBothWaysAndAgentsSubscribeWithAnApiToken() throws Exception {
		String token = post("/sessions", null, "{}", 200).path("visitorToken").asString();
		JsonNode sent = post("/messages", token,
				"{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Hello?\"}", 201);
		UUID ticketId = ticketOf(UUID.fromString(sent.path("messageId").asString()));
		Listener visitorFrames = new Listener();
		StompSession visitor = visitor(token, visitorFrames);
		visitor.subscribe(WidgetLiveSessions.USER_QUEUE, visitorFrames);

		AgentView agent = this.agents.create(Role.AGENT, this.group);
		Listener agentFrames = new Listener();
		StompSession console = agent(this.agents.tokenFor(agent.id()), agentFrames);
		console.subscribe("/topic/tickets/" + ticketId, agentFrames);
		Listener ready = new Listener();
		console.subscribe("/app/ready", ready);
		assertThat(ready.frames.poll(5, TimeUnit.SECONDS)).isEqualTo("ready");
		// A resend of a stored message proves the visitor's subscription is active.
		post("/messages", token, "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Anyone?\"}", 201);
		visitorFrames.next("ack");

		console.send(sendHeaders("/app/tickets." + ticketId + ".typing"),
				"{\"typing\":true}".getBytes(StandardCharsets.UTF_8));
		assertThat(visitorFrames.next("typing").path("typing").asBoolean()).isTrue();

		visitor.send(sendHeaders("/app/widget.typing"), "{\"typing\":true}".getBytes(StandardCharsets.UTF_8));
		JsonNode notice = agentFrames.nextWhere(node -> "typing".equals(node.path("kind").asString()));
		assertThat(notice.path("ticketId").asString()).isEqualTo(ticketId.toString());
		assertThat(notice.toString()).doesNotContain("Anyone");
	}

	@Test
	void anAgentMayNotSendTypingForATicketTheyCannotSee() throws Exception {
		String token = post("/sessions", null, "{}", 200).path("visitorToken").asString();
		JsonNode sent = post("/messages", token,
				"{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Hello?\"}", 201);
		UUID ticketId = ticketOf(UUID.fromString(sent.path("messageId").asString()));
		AgentView outsider = this.agents.create(Role.AGENT, this.agents.group("outsiders"));
		Listener frames = new Listener();
		StompSession console = agent(this.agents.tokenFor(outsider.id()), frames);

		console.send(sendHeaders("/app/tickets." + ticketId + ".typing"),
				"{\"typing\":true}".getBytes(StandardCharsets.UTF_8));

		assertThat(frames.frames.poll(5, TimeUnit.SECONDS)).startsWith("ERROR");
	}

	@Test
	void theConsoleHandshakeRefusesAWrongApiToken() {
		assertThatThrownBy(() -> agent("Bearer wd_not_a_token", new Listener())).isInstanceOf(ExecutionException.class);
	}

	@Test
	void visitorsMayListenOnlyToTheirOwnQueue() throws Exception {
		String token = post("/sessions", null, "{}", 200).path("visitorToken").asString();
		String otherToken = post("/sessions", null, "{}", 200).path("visitorToken").asString();
		JsonNode sent = post("/messages", otherToken,
				"{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"private\"}", 201);
		UUID ticketId = ticketOf(UUID.fromString(sent.path("messageId").asString()));

		for (String destination : List.of("/topic/tickets", "/topic/tickets/" + ticketId,
				"/user/" + VisitorPrincipal.nameOf(UUID.randomUUID()) + "/queue/widget", "/queue/widget",
				"/queue/widget-userabc", "/app/ready")) {
			Listener frames = new Listener();
			StompSession session = visitor(token, frames);
			session.subscribe(destination, frames);
			assertThat(frames.frames.poll(5, TimeUnit.SECONDS)).as(destination).startsWith("ERROR");
		}
		Listener frames = new Listener();
		StompSession session = visitor(token, frames);
		session.send(sendHeaders("/app/tickets." + ticketId + ".typing"),
				"{\"typing\":true}".getBytes(StandardCharsets.UTF_8));
		assertThat(frames.frames.poll(5, TimeUnit.SECONDS)).startsWith("ERROR");

		assertThatThrownBy(() -> visitor("v1.bad.token", new Listener())).isInstanceOf(ExecutionException.class);
		assertThatThrownBy(() -> visitor(null, new Listener())).isInstanceOf(ExecutionException.class);
	}

	private UUID ticketOf(UUID messageId) {
		return this.tickets
			.findByExternalId(io.walletdesk.ticket.Channel.WEB_CHAT,
					this.tickets.message(messageId).orElseThrow().externalId())
			.map(ref -> ref.ticketId())
			.orElseGet(() -> {
				throw new AssertionError("No ticket for message " + messageId);
			});
	}

	private void awaitState(UUID ticketId, UUID messageId, String state) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			DeliveryReports.DeliveryStatus status = this.reports.ofTicket(ticketId).get(messageId);
			if (status != null && state.equals(status.state())) {
				return;
			}
			Thread.sleep(100);
		}
		assertThat(this.reports.ofTicket(ticketId).get(messageId)).extracting(DeliveryReports.DeliveryStatus::state)
			.isEqualTo(state);
	}

	private StompSession visitor(String token, Listener listener) throws Exception {
		StompHeaders connect = new StompHeaders();
		if (token != null) {
			connect.add("visitor-token", token);
		}
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.setOrigin("https://shop.example");
		return this.stomp
			.connectAsync(URI.create("ws://localhost:" + this.port + "/channels/widget/ws"), handshake, connect,
					listener)
			.get(5, TimeUnit.SECONDS);
	}

	private StompSession agent(String bearer, Listener listener) throws Exception {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Authorization", bearer);
		return this.stomp
			.connectAsync(URI.create("ws://localhost:" + this.port + "/ws"), handshake, new StompHeaders(), listener)
			.get(5, TimeUnit.SECONDS);
	}

	private static StompHeaders sendHeaders(String destination) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.set("content-type", "application/json");
		return headers;
	}

	private String path(String suffix) {
		return "/channels/widget/" + this.inbox.publicKey() + suffix;
	}

	private JsonNode post(String suffix, String token, String body, int expectedStatus) throws Exception {
		HttpResponse<String> response = request("POST", path(suffix), token, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		if (expectedStatus >= 400) {
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		}
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> request(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * Collects frames as text, and ERROR frames as "ERROR: message".
	 */
	static class Listener extends StompSessionHandlerAdapter {

		final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleTransportError(StompSession session, Throwable exception) {
			// The server closes the connection after an ERROR frame; either may come
			// first.
			this.frames.add(StompCommand.ERROR + ": connection closed (" + exception.getClass().getSimpleName() + ")");
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			if (headers.containsKey("message") && !headers.containsKey(StompHeaders.SUBSCRIPTION)) {
				this.frames.add(StompCommand.ERROR + ": " + headers.getFirst("message"));
			}
			else {
				this.frames.add(new String((byte[]) payload, StandardCharsets.UTF_8));
			}
		}

		JsonNode next(String type) throws InterruptedException {
			return nextWhere(node -> type.equals(node.path("type").asString()));
		}

		JsonNode nextWhere(java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				String frame = this.frames.poll(200, TimeUnit.MILLISECONDS);
				if (frame == null) {
					continue;
				}
				assertThat(frame).doesNotStartWith("ERROR");
				JsonNode node = JSON.readTree(frame);
				if (wanted.test(node)) {
					return node;
				}
			}
			throw new AssertionError("No such frame within 10 seconds");
		}

	}

}
