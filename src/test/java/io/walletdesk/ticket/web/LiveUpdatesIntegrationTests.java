package io.walletdesk.ticket.web;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.ReplyDeliveryChanged;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
 * The live-update channel as a browser uses it: a STOMP session over the signed-in
 * console session, notices after each change, and nothing for those who may not see a
 * ticket.
 */
@WalletDeskIntegrationTest
class LiveUpdatesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TicketManagement tickets;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	private final WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());

	@AfterEach
	void stop() {
		this.stomp.stop();
	}

	@Test
	void signedInAgentHearsOfANewCustomerMessageWithoutItsText() throws Exception {
		UUID group = this.agents.group("live");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Live ticket", "First", group, Priority.NORMAL);
		Listener listener = new Listener();
		StompSession session = connect(agent, null, listener);
		session.subscribe(LiveTicketNotices.topic(ticket.id()), listener);
		session.subscribe(LiveTicketNotices.ALL_TICKETS, listener);
		awaitSubscribed(session);

		this.tickets.post(ticket.id(), new PostMessage(Actor.customer(ticket.requesterId(), "Customer"),
				Visibility.PUBLIC, "My secret seed words are here", null, Channel.EMAIL, null, null, List.of(), null));

		List<String> notices = List.of(listener.next(), listener.next());
		assertThat(notices).allSatisfy(notice -> assertThat(notice).contains("\"ticketId\":\"" + ticket.id() + "\"")
			.contains("\"kind\":\"message\"")
			.doesNotContain("seed"));
	}

	@Test
	void aChangedDeliveryStateIsANoticeOnTheTicketsTopic() throws Exception {
		UUID group = this.agents.group("live-delivery");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Delivery ticket", "First", group, Priority.NORMAL);
		Listener listener = new Listener();
		StompSession session = connect(agent, null, listener);
		session.subscribe(LiveTicketNotices.topic(ticket.id()), listener);
		awaitSubscribed(session);

		this.events.publishEvent(new ReplyDeliveryChanged(ticket.id(), UUID.randomUUID()));

		assertThat(listener.next()).contains("\"ticketId\":\"" + ticket.id() + "\"").contains("\"kind\":\"delivery\"");
	}

	@Test
	void noSubscriptionToATicketTheAgentMayNotSee() throws Exception {
		UUID owners = this.agents.group("owners");
		AgentView outsider = this.agents.create(Role.AGENT, this.agents.group("outsiders"));
		TicketView ticket = this.console.ticket("Not for outsiders", "x", owners, Priority.NORMAL);
		Listener listener = new Listener();
		StompSession session = connect(outsider, null, listener);
		session.subscribe(LiveTicketNotices.topic(ticket.id()), listener);

		assertThat(listener.next()).startsWith("ERROR");
		this.tickets.post(ticket.id(), PostMessage.reply(Actor.system(), "Changed", Visibility.INTERNAL));
		assertThat(listener.frames.poll(1, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void handshakeNeedsASignedInSessionFromTheSameOrigin() throws Exception {
		Listener listener = new Listener();
		assertThatThrownBy(() -> this.stomp
			.connectAsync(URI.create("ws://localhost:" + this.port + "/ws"), new WebSocketHttpHeaders(),
					new StompHeaders(), listener)
			.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

		AgentView agent = this.agents.create(Role.AGENT);
		assertThatThrownBy(() -> connect(agent, "https://evil.example", listener))
			.isInstanceOf(ExecutionException.class);
	}

	private StompSession connect(AgentView agent, String origin, Listener listener) throws Exception {
		return connect(this.stomp, this.port, agent, origin, listener);
	}

	/**
	 * Signs the agent in over HTTP on the server at the port and opens a STOMP session
	 * with that console session, as the browser does.
	 */
	static StompSession connect(WebSocketStompClient stomp, int port, AgentView agent, String origin, Listener listener)
			throws Exception {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("Cookie", ConsoleTestSupport.signInOverHttp(port, agent.username(), TestAgents.PASSWORD));
		if (origin != null) {
			headers.setOrigin(origin);
		}
		return stomp.connectAsync(URI.create("ws://localhost:" + port + "/ws"), headers, new StompHeaders(), listener)
			.get(5, TimeUnit.SECONDS);
	}

	/**
	 * As the console does: the answer on /app/ready means the subscriptions before it are
	 * active.
	 */
	static void awaitSubscribed(StompSession session) throws InterruptedException {
		Listener ready = new Listener();
		session.subscribe(LiveUpdatesReady.DESTINATION, ready);
		assertThat(ready.next()).isEqualTo("ready");
	}

	/**
	 * Collects notices as text, and ERROR frames as "ERROR: message".
	 */
	static class Listener extends StompSessionHandlerAdapter {

		final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
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

		String next() throws InterruptedException {
			String frame = this.frames.poll(5, TimeUnit.SECONDS);
			assertThat(frame).as("a frame within 5 seconds").isNotNull();
			return frame;
		}

	}

}
