package io.walletdesk.channel.phone;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RecordingApi;
import io.walletdesk.channel.RequestSignatures;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CTI webhook as a PBX bridge uses it: signed events, each handled once, the call
 * logged when it ends, and the answering agent's console told, no one else's.
 */
@WalletDeskIntegrationTest
class CtiWebhookIntegrationTests {

	static final String SECRET = "cti-secret-" + UUID.randomUUID();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	final Random random = new Random();

	final WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());

	AgentView alice;

	AgentView bob;

	InboxView inbox;

	@BeforeEach
	void setUp() {
		RecordingApi.setProperty(this.environment, "WALLETDESK_CTI_SECRET_TEST", SECRET);
		this.alice = this.agents.create(Role.AGENT);
		this.bob = this.agents.create(Role.AGENT);
		this.inbox = this.inboxes.create("phone", "PBX " + UUID.randomUUID(),
				Map.of("secretEnv", "WALLETDESK_CTI_SECRET_TEST", "extensions",
						"101=" + this.alice.username() + ",102=" + this.bob.email()),
				null);
	}

	@AfterEach
	void stop() {
		this.stomp.stop();
	}

	private String path() {
		return "/channels/phone/" + this.inbox.publicKey() + "/events";
	}

	private ResultActions send(String secret, String json) throws Exception {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequestBuilder request = post(path()).contentType(MediaType.APPLICATION_JSON).content(body);
		if (secret != null) {
			RequestSignatures.headers(secret, "POST", path(), body, Instant.now()).forEach(request::header);
		}
		return this.mvc.perform(request);
	}

	private String event(String callId, String event, String from, String extra) {
		return """
				{"callId": "%s", "event": "%s", "from": "%s", "to": "+862150001000", "direction": "inbound",
				 "at": "%s"%s}""".formatted(callId, event, from, Instant.now(), extra);
	}

	private String caller() {
		return "+86139" + String.format("%08d", this.random.nextInt(100_000_000));
	}

	private long events(String callId) {
		return this.jdbc.sql("select count(*) from channel_phone_event where call_id = ?")
			.param(callId)
			.query(Long.class)
			.single();
	}

	@Test
	void unsignedOrWronglySignedEventsAreRefusedAndNothingIsStored() throws Exception {
		String callId = "call-" + UUID.randomUUID();
		send(null, event(callId, "ringing", caller(), "")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("missing_headers"));
		send("not-the-secret", event(callId, "ringing", caller(), "")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.reason").value("bad_signature"));
		// signed for another body: the signature covers the body's hash
		byte[] signed = event(callId, "ringing", caller(), "").getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequestBuilder tampered = post(path()).contentType(MediaType.APPLICATION_JSON)
			.content(event(callId, "ended", caller(), ""));
		RequestSignatures.headers(SECRET, "POST", path(), signed, Instant.now()).forEach(tampered::header);
		this.mvc.perform(tampered).andExpect(status().isUnauthorized());
		assertThat(events(callId)).isZero();
		assertThat(this.jdbc.sql("select count(*) from channel_phone_call where call_id = ?")
			.param(callId)
			.query(Long.class)
			.single()).isZero();

		this.mvc
			.perform(post("/channels/phone/phone_unknown/events").contentType(MediaType.APPLICATION_JSON)
				.content(event(callId, "ringing", caller(), "")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRepeatedEventIsHandledOnce() throws Exception {
		String callId = "call-" + UUID.randomUUID();
		String ringing = event(callId, "ringing", caller(), "");
		String first = send(SECRET, ringing).andExpect(status().isOk())
			.andExpect(jsonPath("$.duplicate").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();
		send(SECRET, ringing).andExpect(status().isOk())
			.andExpect(jsonPath("$.duplicate").value(true))
			.andExpect(jsonPath("$.ticketId").value((String) JsonPath.read(first, "$.ticketId")));
		assertThat(events(callId)).isOne();
		TicketView.Details details = this.tickets.details(UUID.fromString(JsonPath.read(first, "$.ticketId")));
		assertThat(details.ticket().channel().id()).isEqualTo("phone");
		assertThat(details.messages()).hasSize(1);
	}

	@Test
	void endedLogsTheCallOnceWithDurationRecordingAndTheAnsweringAgent() throws Exception {
		String callId = "call-" + UUID.randomUUID();
		String from = caller();
		send(SECRET, event(callId, "ringing", from, "")).andExpect(status().isOk());
		send(SECRET, event(callId, "answered", from, ", \"agent\": \"101\"")).andExpect(status().isOk());
		String ended = event(callId, "ended", from,
				", \"durationSeconds\": 95, \"recordingUrl\": \"https://pbx.example.com/rec/" + callId + ".wav\"");
		String answer = send(SECRET, ended).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		send(SECRET, ended).andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));

		UUID ticketId = UUID.fromString(JsonPath.read(answer, "$.ticketId"));
		List<TicketView.MessageView> notes = this.tickets.details(ticketId)
			.messages()
			.stream()
			.filter(message -> message.visibility() == Visibility.INTERNAL)
			.toList();
		assertThat(notes).singleElement().satisfies(note -> {
			assertThat(note.authorKind()).isEqualTo(AuthorKind.AGENT);
			assertThat(note.authorId()).isEqualTo(this.alice.id());
			assertThat(note.body()).contains("from " + from)
				.contains("Duration: 1 min 35 s")
				.contains("Recording: https://pbx.example.com/rec/" + callId + ".wav");
		});
		Map<String, Object> row = this.jdbc
			.sql("select duration_seconds, agent_id, message_id from channel_phone_call where call_id = ?")
			.param(callId)
			.query()
			.singleRow();
		assertThat(row).containsEntry("duration_seconds", 95)
			.containsEntry("agent_id", this.alice.id())
			.containsEntry("message_id", notes.get(0).id());
	}

	@Test
	void anEndedCallWithoutEarlierEventsIsLoggedByTheSystem() throws Exception {
		String callId = "call-" + UUID.randomUUID();
		String answer = send(SECRET, event(callId, "ended", caller(), ", \"durationSeconds\": 0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		TicketView.Details details = this.tickets.details(UUID.fromString(JsonPath.read(answer, "$.ticketId")));
		assertThat(details.messages()).filteredOn(message -> message.visibility() == Visibility.INTERNAL)
			.singleElement()
			.satisfies(note -> {
				assertThat(note.authorKind()).isEqualTo(AuthorKind.SYSTEM);
				assertThat(note.body()).contains("Reported by the phone system").contains("Duration: 0 min 00 s");
			});
	}

	@Test
	void aCallWhoseTicketWasClosedMeanwhileIsLoggedInANewTicket() throws Exception {
		String callId = "call-" + UUID.randomUUID();
		String from = caller();
		String ringing = send(SECRET, event(callId, "ringing", from, "")).andReturn()
			.getResponse()
			.getContentAsString();
		UUID first = UUID.fromString(JsonPath.read(ringing, "$.ticketId"));
		this.tickets.change(first, ChangeTicket.status(TicketStatus.SOLVED), Actor.system());
		this.tickets.change(first, ChangeTicket.status(TicketStatus.CLOSED), Actor.system());

		String ended = send(SECRET, event(callId, "ended", from, ", \"durationSeconds\": 30"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID second = UUID.fromString(JsonPath.read(ended, "$.ticketId"));
		assertThat(second).isNotEqualTo(first);
		assertThat(this.tickets.details(second).messages())
			.anyMatch(message -> message.visibility() == Visibility.INTERNAL
					&& message.body().contains("Duration: 0 min 30 s"));
	}

	@Test
	void malformedEventsAreRefusedWithTheirProblems() throws Exception {
		String callId = "call-" + UUID.randomUUID();
		send(SECRET, """
				{"callId": "%s", "event": "transferred", "from": "nobody", "direction": "inbound",
				 "recordingUrl": "ftp://pbx.example.com/x"}""".formatted(callId)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("event", "from", "recordingUrl")));
		assertThat(events(callId)).isZero();
	}

	@Test
	void onlyTheAnsweringAgentsConsoleHearsOfTheCall() throws Exception {
		Listener aliceHears = new Listener();
		Listener bobHears = new Listener();
		StompSession alices = connect(this.alice, aliceHears);
		StompSession bobs = connect(this.bob, bobHears);
		alices.subscribe(CallNotices.DESTINATION, aliceHears);
		bobs.subscribe(CallNotices.DESTINATION, bobHears);
		awaitSubscribed(alices);
		awaitSubscribed(bobs);

		String callId = "call-" + UUID.randomUUID();
		String from = caller();
		String ringing = send(SECRET, event(callId, "ringing", from, "")).andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(aliceHears.frames.poll(500, TimeUnit.MILLISECONDS)).as("nothing before the call is answered")
			.isNull();
		send(SECRET, event(callId, "answered", from, ", \"agent\": \"" + this.alice.email() + "\""))
			.andExpect(status().isOk());

		String notice = aliceHears.next();
		String ticketId = JsonPath.read(ringing, "$.ticketId");
		assertThat((String) JsonPath.read(notice, "$.ticketId")).isEqualTo(ticketId);
		assertThat((String) JsonPath.read(notice, "$.callerNumber")).isEqualTo(from);
		assertThat((String) JsonPath.read(notice, "$.customerId")).isEqualTo(JsonPath.read(ringing, "$.customerId"));
		assertThat((String) JsonPath.read(notice, "$.url")).isEqualTo("/tickets/" + ticketId);
		assertThat(bobHears.frames.poll(1, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void anAgentCannotListenToAnotherAgentsQueue() throws Exception {
		Listener bobHears = new Listener();
		StompSession bobs = connect(this.bob, bobHears);
		bobs.subscribe("/user/" + this.alice.username() + "/queue/calls", bobHears);
		assertThat(bobHears.next()).startsWith("ERROR");
	}

	private StompSession connect(AgentView agent, Listener listener) throws Exception {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("Cookie", ConsoleTestSupport.signInOverHttp(this.port, agent.username(), TestAgents.PASSWORD));
		return this.stomp
			.connectAsync(URI.create("ws://localhost:" + this.port + "/ws"), headers, new StompHeaders(), listener)
			.get(5, TimeUnit.SECONDS);
	}

	private static void awaitSubscribed(StompSession session) throws InterruptedException {
		Listener ready = new Listener();
		session.subscribe("/app/ready", ready);
		assertThat(ready.next()).isEqualTo("ready");
	}

	static class Listener extends StompSessionHandlerAdapter {

		final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			if (headers.containsKey("message") && !headers.containsKey(StompHeaders.SUBSCRIPTION)) {
				this.frames.add("ERROR: " + headers.getFirst("message"));
			}
			else {
				this.frames.add(new String((byte[]) payload, StandardCharsets.UTF_8));
			}
		}

		String next() throws InterruptedException {
			String frame = this.frames.poll(5, TimeUnit.SECONDS);
			assertThat(frame).as("a frame within 5 seconds").isNotNull();
			return frame;
		}

	}

}
