package io.walletdesk.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.WalletDeskApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CRASH TEST: kills WalletDesk with SIGKILL while a reply is in the middle of being sent
 * to Telegram, starts it again on the same database, and checks that the customer gets
 * the reply exactly once. WalletDesk runs as a child JVM on the test classpath against a
 * fresh database on the tests' PostgreSQL server; a local server plays the Bot API and
 * holds the first send open without answering. About 30 to 60 seconds.
 */
@WalletDeskIntegrationTest
class KillMidSendExactlyOnceTests {

	static final String TOKEN = "424242:kill-test";

	static final String SECRET = "kill-secret-" + UUID.randomUUID();

	static final String ADMIN_TOKEN = "wd_killtest" + UUID.randomUUID().toString().replace("-", "");

	@Autowired
	Environment environment;

	Process child;

	String database;

	HttpServer telegram;

	final CountDownLatch stallReleased = new CountDownLatch(1);

	@AfterEach
	void stop() throws Exception {
		if (this.child != null) {
			this.child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
		}
		if (this.database != null) {
			// A CI database server would otherwise keep one database per run.
			sql(this.environment.getProperty("spring.datasource.url"),
					"drop database if exists " + this.database + " with (force)");
		}
		this.stallReleased.countDown();
		if (this.telegram != null) {
			this.telegram.stop(0);
		}
	}

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void aReplyInterruptedByAKilledProcessIsDeliveredExactlyOnceAfterRestart() throws Exception {
		String reply = "Your deposit has arrived " + UUID.randomUUID();
		AtomicInteger received = new AtomicInteger();
		AtomicInteger completed = new AtomicInteger();
		CountDownLatch stalled = new CountDownLatch(1);
		this.telegram = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.telegram.setExecutor(Executors.newCachedThreadPool());
		this.telegram.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (exchange.getRequestURI().getPath().endsWith("/sendMessage") && body.contains(reply)
					&& received.incrementAndGet() == 1) {
				// The send is in the middle: accepted, never answered.
				stalled.countDown();
				await(this.stallReleased);
				exchange.close();
				return;
			}
			byte[] answer = "{\"ok\":true,\"result\":{\"message_id\":1}}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
			if (body.contains(reply)) {
				completed.incrementAndGet();
			}
		});
		this.telegram.start();

		this.database = "walletdesk_kill_" + UUID.randomUUID().toString().replace("-", "");
		String url = createDatabase(this.database);
		int port = freePort();
		Path log = Files.createTempFile("walletdesk-child-", ".log");

		this.child = start(url, port, log);
		awaitUp(port, log);
		String publicKey = "telegram_kill_" + UUID.randomUUID().toString().replace("-", "");
		UUID inboxId = UUID.randomUUID();
		sql(url, "insert into channel_inbox (id, kind, name, public_key, settings, created_at) values ('" + inboxId
				+ "', 'telegram', 'Kill test bot', '" + publicKey
				+ "', '{\"botTokenEnv\":\"WALLETDESK_TELEGRAM_TOKEN_KILL\",\"secretTokenEnv\":\"WALLETDESK_TELEGRAM_SECRET_KILL\",\"acknowledge\":\"false\"}', now())");
		long chat = 5550000 + (long) (Math.random() * 100000);
		HttpResponse<String> update = http(port, "/channels/telegram/" + publicKey, """
				{"update_id": 1, "message": {"message_id": 1, "date": 1700000000, "chat": {"id": %d, "type": "private"},
				 "from": {"id": %d, "first_name": "Kim", "language_code": "en"}, "text": "where is my deposit"}}"""
			.formatted(chat, chat), "X-Telegram-Bot-Api-Secret-Token", SECRET);
		assertThat(update.statusCode()).isEqualTo(200);
		String ticketId = query(url, "select ticket_id from channel_thread where inbox_id = '" + inboxId + "'");
		HttpResponse<String> posted = http(port, "/api/v1/tickets/" + ticketId + "/messages",
				"{\"body\":\"" + reply + "\",\"visibility\":\"public\"}", "Authorization", "Bearer " + ADMIN_TOKEN);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		String messageId = query(url,
				"select id from ticket_message where ticket_id = '" + ticketId + "' and author_kind = 'agent'");

		assertThat(stalled.await(30, TimeUnit.SECONDS)).as("the send reached Telegram").isTrue();
		this.child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
		assertThat(query(url,
				"select status || ' ' || attempts from channel_delivery where message_id = '" + messageId + "'"))
			.isEqualTo("sending 1");
		this.stallReleased.countDown();

		this.child = start(url, port, log);
		awaitUp(port, log);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String state = null;
		while (System.nanoTime() < deadline && !"sent 2".equals(state)) {
			state = query(url,
					"select status || ' ' || attempts from channel_delivery where message_id = '" + messageId + "'");
			Thread.sleep(200);
		}
		assertThat(state).isEqualTo("sent 2");
		assertThat(completed.get()).as("completed sendMessage calls for the reply").isEqualTo(1);

		// A further retry cycle (events every 2 s, deliveries every second) sends
		// nothing.
		Thread.sleep(5000);
		assertThat(completed.get()).isEqualTo(1);
		assertThat(received.get()).as("the interrupted send and the one after restart").isEqualTo(2);
		assertThat(query(url,
				"select status || ' ' || attempts from channel_delivery where message_id = '" + messageId + "'"))
			.isEqualTo("sent 2");
	}

	private Process start(String url, int port, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		// Starts faster; the test measures correctness, not throughput.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(WalletDeskApplication.class.getName());
		command.add("--server.port=" + port);
		command.add("--spring.datasource.url=" + url);
		command.add("--spring.datasource.username=" + this.environment.getProperty("spring.datasource.username"));
		command.add("--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""));
		command.add("--walletdesk.demo.enabled=false");
		command
			.add("--walletdesk.channel.telegram.api-base-url=http://127.0.0.1:" + this.telegram.getAddress().getPort());
		command.add("--WALLETDESK_TELEGRAM_TOKEN_KILL=" + TOKEN);
		command.add("--WALLETDESK_TELEGRAM_SECRET_KILL=" + SECRET);
		command.add("--WALLETDESK_ADMIN_TOKEN=" + ADMIN_TOKEN);
		command.add("--WALLETDESK_ADMIN_PASSWORD=kill-test-" + UUID.randomUUID());
		command.add("--walletdesk.events.retry-interval=2s");
		command.add("--walletdesk.events.retry-after=1s");
		command.add("--walletdesk.events.stuck-after=5s");
		command.add("--walletdesk.channel.delivery.poll-interval=1s");
		command.add("--walletdesk.channel.delivery.initial-backoff=1s");
		command.add("--walletdesk.channel.delivery.sending-lease=3s");
		command.add("--walletdesk.channel.email.poll-interval=1h");
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
	}

	private void awaitUp(int port, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		HttpClient client = HttpClient.newHttpClient();
		while (System.nanoTime() < deadline) {
			assertThat(this.child.isAlive()).as("child exited; see " + log).isTrue();
			try {
				HttpResponse<String> health = client
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("WalletDesk did not start within 60 s; see " + log);
	}

	private String createDatabase(String database) throws Exception {
		String url = this.environment.getProperty("spring.datasource.url");
		try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		String parameters = query < 0 ? "" : url.substring(query);
		return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
	}

	private Connection connect(String url) throws Exception {
		return DriverManager.getConnection(url, this.environment.getProperty("spring.datasource.username"),
				this.environment.getProperty("spring.datasource.password", ""));
	}

	private void sql(String url, String statement) throws Exception {
		try (Connection connection = connect(url); Statement s = connection.createStatement()) {
			s.execute(statement);
		}
	}

	private String query(String url, String query) throws Exception {
		try (Connection connection = connect(url);
				PreparedStatement statement = connection.prepareStatement(query);
				ResultSet rows = statement.executeQuery()) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	private static HttpResponse<String> http(int port, String path, String json, String header, String value)
			throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/json")
				.header(header, value)
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
