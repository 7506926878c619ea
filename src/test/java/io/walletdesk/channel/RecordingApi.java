package io.walletdesk.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A local HTTP server standing in for a messenger's API: records every call and answers
 * with what the test scripts. Also sets environment-like properties in the running
 * application, which the adapters read through Spring's {@code Environment}.
 */
public final class RecordingApi implements AutoCloseable {

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private volatile Function<Call, Answer> answers = call -> new Answer(200, "{\"ok\":true}");

	public RecordingApi() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestURI().getRawQuery(), body);
			this.calls.add(call);
			Answer answer = this.answers.apply(call);
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		// Calls are answered in parallel, so a test can stall one caller while others go
		// on.
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void answer(Function<Call, Answer> answers) {
		this.answers = answers;
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** Waits up to ten seconds for a call that matches (deliveries are asynchronous). */
	public Call await(Predicate<Call> match) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			for (Call call : this.calls) {
				if (match.test(call)) {
					return call;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No matching call within 10 s; calls were " + this.calls);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * Sets properties that win over every other source, as an environment variable would.
	 */
	public static void setProperty(ConfigurableEnvironment environment, String name, String value) {
		MapPropertySource source = (MapPropertySource) environment.getPropertySources().get("channel-tests");
		if (source == null) {
			source = new MapPropertySource("channel-tests", new java.util.concurrent.ConcurrentHashMap<>());
			environment.getPropertySources().addFirst(source);
		}
		source.getSource().put(name, value);
	}

	public record Call(String method, String path, String query, String body) {
	}

	public record Answer(int status, String body, String contentType) {

		public Answer(int status, String body) {
			this(status, body, "application/json");
		}

	}

}
