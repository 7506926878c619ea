import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the web chat widget: holds N visitor sessions on the widget's STOMP
 * endpoint and one agent subscription on the console's, and measures message round trips.
 * <p>
 * For every measured exchange a visitor sends a message ({@code /app/widget.send}), the
 * agent's console subscription ({@code /topic/tickets}) receives the ticket's notice, the
 * agent answers through the REST API, and the visitor's queue receives the reply. Reported
 * per leg: customer to agent console, agent reply to customer, and the whole round trip,
 * plus the visitor's acknowledgement. The message rate counts customer messages and agent
 * replies together.
 * <p>
 * Plain JDK (HTTP client and WebSocket) with a minimal STOMP 1.2 framing, so the driver
 * runs as a single source file and 5,000 sessions stay cheap: a STOMP client library would
 * add threads per session.
 *
 * <pre>
 * java bench/WidgetLoad.java http://localhost:8080 TOKEN INBOX_KEY sessions messagesPerSecond seconds
 * </pre>
 */
public class WidgetLoad {

	static final Pattern TICKET_NUMBER = Pattern.compile("\"ticketNumber\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern CLIENT_ID = Pattern.compile("\"clientMessageId\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]*)\"");

	static final Pattern TOKEN = Pattern.compile("\"visitorToken\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern ITEM = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"number\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

	final String base;

	final String wsBase;

	final String token;

	final String inboxKey;

	final List<HttpClient> clients = new ArrayList<>();

	final ExecutorService callbacks = Executors.newFixedThreadPool(4);

	final List<Session> sessions = Collections.synchronizedList(new ArrayList<>());

	final Map<String, Session> byTicketNumber = new ConcurrentHashMap<>();

	final Map<String, Session> byTicketId = new ConcurrentHashMap<>();

	final Recorder ack = new Recorder();

	final Recorder toAgent = new Recorder();

	final Recorder toCustomer = new Recorder();

	final Recorder roundTrip = new Recorder();

	final AtomicLong errors = new AtomicLong();

	final AtomicLong sent = new AtomicLong();

	final AtomicLong replies = new AtomicLong();

	volatile boolean measuring;

	WidgetLoad(String base, String token, String inboxKey) {
		this.base = base.replaceAll("/$", "");
		this.wsBase = this.base.replaceFirst("^http", "ws");
		this.token = token;
		this.inboxKey = inboxKey;
		for (int i = 0; i < 8; i++) {
			this.clients.add(HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.executor(this.callbacks)
				.version(HttpClient.Version.HTTP_1_1)
				.build());
		}
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 6) {
			System.err.println("usage: WidgetLoad baseUrl agentToken inboxKey sessions messagesPerSecond seconds");
			System.exit(2);
		}
		WidgetLoad load = new WidgetLoad(args[0], args[1], args[2]);
		int sessions = Integer.parseInt(args[3]);
		int rate = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);
		load.run(sessions, rate, seconds);
		System.exit(0);
	}

	void run(int count, int rate, int seconds) throws Exception {
		long start = System.nanoTime();
		Agent agent = new Agent();
		agent.connect();
		System.out.printf("Opening %d visitor sessions ...%n", count);
		Semaphore parallel = new Semaphore(32);
		CountDownLatch connected = new CountDownLatch(count);
		for (int i = 0; i < count; i++) {
			parallel.acquire();
			Session session = new Session(i);
			session.open().whenComplete((ok, failure) -> {
				parallel.release();
				connected.countDown();
				if (failure != null) {
					this.errors.incrementAndGet();
					if (this.errors.get() < 5) {
						System.err.println("session failed: " + failure);
					}
				}
				else {
					this.sessions.add(session);
				}
			});
		}
		connected.await(10, TimeUnit.MINUTES);
		System.out.printf("%d sessions connected in %.1f s (%d failed)%n", this.sessions.size(),
				(System.nanoTime() - start) / 1e9, this.errors.get());

		// Each visitor's first message opens its ticket; the agent learns the ticket ids.
		System.out.println("Opening one conversation per session ...");
		int customerRate = Math.max(1, rate / 2);
		pace(customerRate, this.sessions.size(), index -> this.sessions.get(index).send("Hello, my transfer is stuck"));
		waitFor(() -> this.byTicketNumber.size() >= this.sessions.size(), 120);
		mapTicketIds();
		System.out.printf("%d conversations open, %d ticket ids known%n", this.byTicketNumber.size(),
				this.byTicketId.size());

		// Measured phase: customer messages at rate/2, every one answered by the agent.
		this.measuring = true;
		long measuredStart = System.nanoTime();
		int total = customerRate * seconds;
		AtomicInteger next = new AtomicInteger();
		pace(customerRate, total, index -> {
			for (int tries = 0; tries < this.sessions.size(); tries++) {
				Session session = this.sessions.get(next.getAndIncrement() % this.sessions.size());
				if (session.ticketId != null && session.outstanding.compareAndSet(0, 1)) {
					session.measuredSend("Any news? " + index);
					return;
				}
			}
		});
		waitFor(() -> this.sessions.stream().allMatch(s -> s.outstanding.get() == 0), 30);
		double elapsed = (System.nanoTime() - measuredStart) / 1e9;
		this.measuring = false;
		System.out.printf("%nSessions: %d   customer messages: %d   agent replies: %d   errors: %d%n",
				this.sessions.size(), this.sent.get(), this.replies.get(), this.errors.get());
		System.out.printf("Message rate (customer + agent): %.0f/s over %.1f s%n",
				(this.sent.get() + this.replies.get()) / elapsed, elapsed);
		System.out.printf("%-34s %8s %8s %8s %8s %8s%n", "latency (ms)", "count", "p50", "p90", "p99", "max");
		this.ack.print("visitor send -> ack");
		this.toAgent.print("visitor send -> agent console");
		this.toCustomer.print("agent reply -> visitor");
		this.roundTrip.print("round trip (visitor -> agent -> visitor)");
	}

	interface Step {

		void run(int index) throws Exception;

	}

	static void pace(int perSecond, int count, Step step) throws Exception {
		long period = 1_000_000_000L / perSecond;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + i * period;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			step.run(i);
		}
	}

	static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
		long until = System.nanoTime() + seconds * 1_000_000_000L;
		while (!condition.getAsBoolean() && System.nanoTime() < until) {
			Thread.sleep(50);
		}
	}

	void mapTicketIds() throws Exception {
		String cursor = null;
		do {
			String url = this.base + "/api/v1/tickets?channel=web_chat&limit=200"
					+ (cursor == null ? "" : "&cursor=" + cursor);
			HttpResponse<String> page = this.clients.get(0)
				.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + this.token).build(),
						HttpResponse.BodyHandlers.ofString());
			Matcher item = ITEM.matcher(page.body());
			while (item.find()) {
				Session session = this.byTicketNumber.get(item.group(2));
				if (session != null) {
					session.ticketId = item.group(1);
					this.byTicketId.put(item.group(1), session);
				}
			}
			Matcher next = NEXT.matcher(page.body());
			cursor = next.find() ? next.group(1) : null;
		}
		while (cursor != null);
	}

	void reply(String ticketId, Session session) {
		String body = "{\"body\":\"We are checking it " + session.index + "\",\"visibility\":\"public\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/tickets/" + ticketId + "/messages"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		session.replyPostedAt = System.nanoTime();
		this.clients.get(session.index % this.clients.size())
			.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.whenComplete((response, failure) -> {
				if (failure != null || response.statusCode() != 201) {
					this.errors.incrementAndGet();
					session.outstanding.set(0);
				}
				else {
					this.replies.incrementAndGet();
				}
			});
	}

	static String frame(String command, Map<String, String> headers, String body) {
		StringBuilder frame = new StringBuilder(command).append('\n');
		headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
		if (body != null) {
			frame.append("content-type:application/json\n");
		}
		frame.append('\n');
		if (body != null) {
			frame.append(body);
		}
		return frame.append('\0').toString();
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Reassembles STOMP frames from WebSocket text parts and hands each complete frame on.
	 */
	abstract class StompListener implements WebSocket.Listener {

		final StringBuilder buffer = new StringBuilder();

		final CompletableFuture<Void> connected = new CompletableFuture<>();

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.buffer.append(data);
			int end;
			while ((end = this.buffer.indexOf("\0")) >= 0) {
				String frame = this.buffer.substring(0, end);
				this.buffer.delete(0, end + 1);
				String trimmed = frame.stripLeading();
				if (trimmed.startsWith("CONNECTED")) {
					this.connected.complete(null);
				}
				else if (trimmed.startsWith("ERROR")) {
					this.connected.completeExceptionally(new IllegalStateException(trimmed));
					WidgetLoad.this.errors.incrementAndGet();
				}
				else if (trimmed.startsWith("MESSAGE")) {
					int split = trimmed.indexOf("\n\n");
					onMessage(split < 0 ? "" : trimmed.substring(split + 2));
				}
			}
			socket.request(1);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			this.connected.completeExceptionally(error);
			WidgetLoad.this.errors.incrementAndGet();
		}

		abstract void onMessage(String body);

	}

	final class Agent extends StompListener {

		void connect() throws Exception {
			WebSocket socket = WidgetLoad.this.clients.get(0)
				.newWebSocketBuilder()
				.header("Authorization", "Bearer " + WidgetLoad.this.token)
				.buildAsync(URI.create(WidgetLoad.this.wsBase + "/ws"), this)
				.get(30, TimeUnit.SECONDS);
			socket.sendText(frame("CONNECT", Map.of("accept-version", "1.2", "host", "localhost", "heart-beat", "0,0"),
					null), true);
			this.connected.get(30, TimeUnit.SECONDS);
			socket.sendText(frame("SUBSCRIBE", Map.of("id", "tickets", "destination", "/topic/tickets"), null), true);
			// The subscription is in place once the broker has processed the frame; a
			// short pause is enough because measuring starts much later.
			Thread.sleep(500);
		}

		@Override
		void onMessage(String body) {
			Matcher kind = KIND.matcher(body);
			Matcher ticket = TICKET_ID.matcher(body);
			if (!WidgetLoad.this.measuring || !kind.find() || !"message".equals(kind.group(1)) || !ticket.find()) {
				return;
			}
			Session session = WidgetLoad.this.byTicketId.get(ticket.group(1));
			if (session == null || session.outstanding.get() != 1 || !session.measured) {
				return;
			}
			long now = System.nanoTime();
			WidgetLoad.this.toAgent.record(now - session.sentAt);
			session.outstanding.set(2);
			reply(ticket.group(1), session);
		}

	}

	final class Session extends StompListener {

		final int index;

		final AtomicInteger outstanding = new AtomicInteger();

		volatile WebSocket socket;

		volatile String ticketId;

		volatile long sentAt;

		volatile long replyPostedAt;

		volatile boolean measured;

		final Map<String, Long> pending = new ConcurrentHashMap<>();

		Session(int index) {
			this.index = index;
		}

		CompletableFuture<Void> open() {
			HttpRequest create = HttpRequest
				.newBuilder(URI.create(WidgetLoad.this.base + "/channels/widget/" + WidgetLoad.this.inboxKey + "/sessions"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"language\":\"en\",\"name\":\"Visitor " + this.index + "\"}"))
				.build();
			HttpClient client = WidgetLoad.this.clients.get(this.index % WidgetLoad.this.clients.size());
			return client.sendAsync(create, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
				Matcher token = TOKEN.matcher(response.body());
				if (response.statusCode() / 100 != 2 || !token.find()) {
					throw new IllegalStateException("session: HTTP " + response.statusCode() + " " + response.body());
				}
				String visitorToken = token.group(1);
				return client.newWebSocketBuilder()
					.buildAsync(URI.create(WidgetLoad.this.wsBase + "/channels/widget/ws"), this)
					.thenCompose(socket -> {
						this.socket = socket;
						socket.sendText(frame("CONNECT", Map.of("accept-version", "1.2", "host", "localhost",
								"heart-beat", "0,0", "visitor-token", visitorToken), null), true);
						return this.connected;
					})
					.thenCompose(ignored -> this.socket.sendText(
							frame("SUBSCRIBE", Map.of("id", "widget", "destination", "/user/queue/widget"), null),
							true))
					.thenApply(socket -> null);
			});
		}

		synchronized void send(String text) {
			String clientId = UUID.randomUUID().toString();
			this.pending.put(clientId, System.nanoTime());
			this.socket.sendText(frame("SEND", Map.of("destination", "/app/widget.send"),
					"{\"clientMessageId\":\"" + clientId + "\",\"text\":" + json(text) + "}"), true);
		}

		void measuredSend(String text) {
			this.measured = true;
			this.sentAt = System.nanoTime();
			WidgetLoad.this.sent.incrementAndGet();
			send(text);
		}

		@Override
		void onMessage(String body) {
			long now = System.nanoTime();
			Matcher type = TYPE.matcher(body);
			if (!type.find()) {
				return;
			}
			switch (type.group(1)) {
				case "ack" -> {
					Matcher client = CLIENT_ID.matcher(body);
					Long sentAt = client.find() ? this.pending.remove(client.group(1)) : null;
					if (sentAt != null && WidgetLoad.this.measuring) {
						WidgetLoad.this.ack.record(now - sentAt);
					}
					Matcher number = TICKET_NUMBER.matcher(body);
					if (number.find()) {
						WidgetLoad.this.byTicketNumber.putIfAbsent(number.group(1), this);
					}
				}
				case "message" -> {
					Matcher text = TEXT.matcher(body);
					if (text.find() && text.group(1).startsWith("We are checking it")
							&& this.outstanding.compareAndSet(2, 0)) {
						WidgetLoad.this.toCustomer.record(now - this.replyPostedAt);
						WidgetLoad.this.roundTrip.record(now - this.sentAt);
					}
				}
				default -> {
				}
			}
		}

	}

	static final class Recorder {

		private final List<Long> values = Collections.synchronizedList(new ArrayList<>());

		void record(long nanos) {
			this.values.add(nanos);
		}

		void print(String label) {
			List<Long> sorted;
			synchronized (this.values) {
				sorted = new ArrayList<>(this.values);
			}
			Collections.sort(sorted);
			if (sorted.isEmpty()) {
				System.out.printf("%-34s %8d%n", label, 0);
				return;
			}
			System.out.printf("%-34s %8d %8.1f %8.1f %8.1f %8.1f%n", label, sorted.size(), at(sorted, 0.50),
					at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
		}

		private static double at(List<Long> sorted, double quantile) {
			return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
		}

	}

}
