package io.walletdesk.ticket.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskApplication;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database and one RabbitMQ: an agent connected to one node
 * hears of changes made on the other, on ticket topics and on their own queue, and nobody
 * hears a notice twice. Runs when RabbitMQ is reachable (spring.rabbitmq.* or
 * localhost:5672); {@code WALLETDESK_TEST_RABBITMQ=required} (set by .ci/run) makes it
 * run, and fail, without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "walletdesk.live.fan-out=rabbitmq")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("rabbitMqAvailable")
class LiveFanOutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TicketManagement tickets;

	@Autowired
	SimpMessagingTemplate messaging;

	@Autowired
	HikariDataSource dataSource;

	ConfigurableApplicationContext otherNode;

	private final WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());

	static boolean rabbitMqAvailable() {
		if ("required".equals(System.getenv("WALLETDESK_TEST_RABBITMQ"))) {
			return true;
		}
		String host = System.getProperty("spring.rabbitmq.host",
				System.getenv().getOrDefault("SPRING_RABBITMQ_HOST", "localhost"));
		int port = Integer.parseInt(System.getenv().getOrDefault("SPRING_RABBITMQ_PORT", "5672"));
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@BeforeAll
	void startOtherNode() {
		// Command-line arguments, which outrank application.yml.
		this.otherNode = new SpringApplicationBuilder(WalletDeskApplication.class).run("--server.port=0",
				"--walletdesk.live.fan-out=rabbitmq", "--walletdesk.demo.enabled=false",
				"--spring.datasource.url=" + this.dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + this.dataSource.getUsername(), "--spring.datasource.password="
						+ (this.dataSource.getPassword() == null ? "" : this.dataSource.getPassword()));
	}

	@AfterAll
	void stopOtherNode() {
		if (this.otherNode != null) {
			this.otherNode.close();
		}
	}

	@AfterEach
	void stop() {
		this.stomp.stop();
	}

	@Test
	void anAgentOnOneNodeHearsOfAMessageStoredOnTheOtherOnce() throws Exception {
		UUID group = this.agents.group("fan-out");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Live on two nodes", "First", group, Priority.NORMAL);
		LiveUpdatesIntegrationTests.Listener there = new LiveUpdatesIntegrationTests.Listener();
		LiveUpdatesIntegrationTests.Listener here = new LiveUpdatesIntegrationTests.Listener();
		StompSession onOtherNode = LiveUpdatesIntegrationTests.connect(this.stomp, otherNodePort(), agent, null, there);
		StompSession onThisNode = LiveUpdatesIntegrationTests.connect(this.stomp, this.port, agent, null, here);
		for (StompSession session : List.of(onOtherNode, onThisNode)) {
			session.subscribe(LiveTicketNotices.topic(ticket.id()), session == onOtherNode ? there : here);
			LiveUpdatesIntegrationTests.awaitSubscribed(session);
		}

		this.tickets.post(ticket.id(), new PostMessage(Actor.customer(ticket.requesterId(), "Customer"),
				Visibility.PUBLIC, "Where is my USDT?", null, Channel.EMAIL, null, null, List.of(), null));

		// Background work (triage, SLA) may add "changed" notices; the message notice
		// comes
		// exactly once on each node.
		assertThat(messageNotices(there, ticket)).as("once on the other node").isEqualTo(1);
		assertThat(messageNotices(here, ticket)).as("once, no echo, on the node that sent it").isEqualTo(1);
	}

	@Test
	void aMessageForOneUserReachesTheirSessionOnTheOtherNode() throws Exception {
		AgentView agent = this.agents.create(Role.AGENT);
		LiveUpdatesIntegrationTests.Listener there = new LiveUpdatesIntegrationTests.Listener();
		StompSession session = LiveUpdatesIntegrationTests.connect(this.stomp, otherNodePort(), agent, null, there);
		session.subscribe("/user/queue/calls", there);
		LiveUpdatesIntegrationTests.awaitSubscribed(session);

		this.messaging.convertAndSendToUser(agent.username(), "/queue/calls", Map.of("callId", "c-1"));

		assertThat(there.next()).contains("\"callId\":\"c-1\"");
	}

	private static long messageNotices(LiveUpdatesIntegrationTests.Listener listener, TicketView ticket)
			throws InterruptedException {
		List<String> frames = new java.util.ArrayList<>();
		String frame;
		while ((frame = listener.frames.poll(frames.isEmpty() ? 5000 : 1500, TimeUnit.MILLISECONDS)) != null) {
			frames.add(frame);
		}
		return frames.stream()
			.filter(f -> f.contains("\"ticketId\":\"" + ticket.id() + "\"") && f.contains("\"kind\":\"message\""))
			.count();
	}

	private int otherNodePort() {
		return Integer.parseInt(this.otherNode.getEnvironment().getProperty("local.server.port"));
	}

}
