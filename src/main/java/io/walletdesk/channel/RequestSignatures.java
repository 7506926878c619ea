package io.walletdesk.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * HMAC-SHA256 request signatures shared by the in-app API, the signed webhook channel,
 * CTI events and WalletDesk's own outgoing webhooks.
 * <p>
 * A request carries three headers: {@value #TIMESTAMP} (Unix seconds), {@value #NONCE} (8
 * to 64 characters of {@code [A-Za-z0-9_-]}, never reused) and {@value #SIGNATURE}
 * ({@code v1=} followed by the lowercase hex HMAC-SHA256, keyed with the inbox's secret,
 * of the canonical string
 * {@code timestamp \n nonce \n METHOD \n path?query \n hex(SHA-256(body))}). A request is
 * accepted within five minutes either side of the server's clock, and each nonce only
 * once per inbox. Written here rather than taken from a library because the scheme is
 * WalletDesk's own contract with its integrators; the primitives are the JDK's.
 */
@Component
public class RequestSignatures {

	public static final String TIMESTAMP = "X-WalletDesk-Timestamp";

	public static final String NONCE = "X-WalletDesk-Nonce";

	public static final String SIGNATURE = "X-WalletDesk-Signature";

	public static final Duration WINDOW = Duration.ofMinutes(5);

	private static final Pattern NONCE_FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private static final Pattern TIMESTAMP_FORMAT = Pattern.compile("\\d{1,12}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ChannelRefusals refusals;

	RequestSignatures(JdbcClient jdbc, Clock clock, ChannelRefusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Verifies a signed request and consumes its nonce, in a transaction of its own so a
	 * replay stays refused even when handling the request fails later.
	 * @param pathAndQuery the request path as the client addressed it, with the query
	 * string if there is one
	 * @throws SignatureRejectedException when any check fails
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void verify(UUID inboxId, String secret, String method, String pathAndQuery, HttpHeaders headers,
			byte[] body) {
		try {
			check(inboxId, secret, method, pathAndQuery, headers, body);
		}
		catch (SignatureRejectedException ex) {
			this.refusals.refused(inboxId);
			throw ex;
		}
	}

	private void check(UUID inboxId, String secret, String method, String pathAndQuery, HttpHeaders headers,
			byte[] body) {
		String timestamp = headers.getFirst(TIMESTAMP);
		String nonce = headers.getFirst(NONCE);
		String signature = headers.getFirst(SIGNATURE);
		if (timestamp == null || nonce == null || signature == null) {
			throw new SignatureRejectedException("missing_headers",
					"Signed requests need the " + TIMESTAMP + ", " + NONCE + " and " + SIGNATURE + " headers.");
		}
		if (!TIMESTAMP_FORMAT.matcher(timestamp).matches()) {
			throw new SignatureRejectedException("malformed_timestamp", TIMESTAMP + " must be Unix seconds.");
		}
		if (!NONCE_FORMAT.matcher(nonce).matches()) {
			throw new SignatureRejectedException("malformed_nonce",
					NONCE + " must be 8 to 64 letters, digits, '-' or '_'.");
		}
		Instant now = this.clock.instant();
		Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(signedAt, now).abs().compareTo(WINDOW) > 0) {
			throw new SignatureRejectedException("stale_timestamp",
					"The request was signed more than 5 minutes from the server's time (" + now.getEpochSecond()
							+ ").");
		}
		if (secret == null || secret.isEmpty()) {
			throw new SignatureRejectedException("no_secret", "This inbox has no signing secret configured.");
		}
		String expected = "v1=" + sign(secret, canonical(timestamp, nonce, method, pathAndQuery, body));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.trim().getBytes(StandardCharsets.US_ASCII))) {
			throw new SignatureRejectedException("bad_signature", "The signature does not match the request.");
		}
		int fresh = this.jdbc.sql("""
				insert into channel_request_nonce (inbox_id, nonce, seen_at) values (?, ?, ?)
				on conflict do nothing""").params(inboxId, nonce, Timestamp.from(now)).update();
		if (fresh == 0) {
			throw new SignatureRejectedException("replayed", "This nonce was used before: the request is a replay.");
		}
	}

	/**
	 * The three headers that sign a request, for WalletDesk's outgoing webhooks and for
	 * integrators' tests.
	 */
	public static Map<String, String> headers(String secret, String method, String pathAndQuery, byte[] body,
			Instant now) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String nonce = HexFormat.of().formatHex(random);
		String timestamp = Long.toString(now.getEpochSecond());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(TIMESTAMP, timestamp);
		headers.put(NONCE, nonce);
		headers.put(SIGNATURE, "v1=" + sign(secret, canonical(timestamp, nonce, method, pathAndQuery, body)));
		return headers;
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void forgetOldNonces() {
		this.jdbc.sql("delete from channel_request_nonce where seen_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(WINDOW.multipliedBy(2))))
			.update();
	}

	static String canonical(String timestamp, String nonce, String method, String pathAndQuery, byte[] body) {
		return timestamp + "\n" + nonce + "\n" + method.toUpperCase(java.util.Locale.ROOT) + "\n" + pathAndQuery + "\n"
				+ sha256(body == null ? new byte[0] : body);
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(String secret, String canonical) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
