package io.walletdesk.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for an integrator's backend that receives WalletDesk's
 * signed webhooks: records every call with its headers and checks the signature the way
 * an integrator would, independently of {@link RequestSignatures} (its own canonical
 * string and HMAC), so a mistake in the signing code cannot hide itself.
 */
public final class SignedWebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final String secret;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private volatile IntSupplier status = () -> 200;

	private volatile long delayMillis;

	public SignedWebhookReceiver(String secret) throws IOException {
		this.secret = secret;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
			String target = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? ""
					: "?" + exchange.getRequestURI().getRawQuery());
			int answer = this.status.getAsInt();
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.calls
				.add(new Call(exchange.getRequestMethod(), target, headers, new String(body, StandardCharsets.UTF_8),
						validSignature(exchange.getRequestMethod(), target, headers, body), answer));
			exchange.sendResponseHeaders(answer, -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.flush();
			}
		});
		this.server.start();
	}

	public String url(String pathAndQuery) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + pathAndQuery;
	}

	/** The status every following call is answered with. */
	public void answer(int status) {
		this.status = () -> status;
	}

	/** How long the receiver waits before it answers. */
	public void delay(Duration delay) {
		this.delayMillis = delay.toMillis();
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

	private boolean validSignature(String method, String target, Map<String, String> headers, byte[] body) {
		String timestamp = headers.get("X-WalletDesk-Timestamp");
		String nonce = headers.get("X-WalletDesk-Nonce");
		String signature = headers.get("X-WalletDesk-Signature");
		if (timestamp == null || nonce == null || signature == null) {
			return false;
		}
		if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
			return false;
		}
		try {
			String bodyHash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
			String canonical = String.join("\n", timestamp, nonce, method, target, bodyHash);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
			return expected.equals(signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * @param signatureValid whether the signature verified with the receiver's secret
	 * @param answeredWith the status the receiver answered
	 */
	public record Call(String method, String target, Map<String, String> headers, String body, boolean signatureValid,
			int answeredWith) {
	}

}
