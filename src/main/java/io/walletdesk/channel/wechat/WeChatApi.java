package io.walletdesk.channel.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.walletdesk.channel.spi.ChannelCheck;
import io.walletdesk.channel.spi.DeliveryException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Calls the WeChat official-account API with an access token that is fetched once per app
 * id, kept until five minutes before it expires (WeChat limits how often a token may be
 * fetched, and a new token invalidates the old one after a short overlap) and fetched
 * again when WeChat reports it invalid or expired. Neither tokens nor secrets go into
 * exception messages, which end up in the delivery table and the logs.
 */
@Component
class WeChatApi {

	static final String BASE_URL_PROPERTY = "walletdesk.channel.wechat.api-base-url";

	static final String DEFAULT_BASE_URL = "https://api.weixin.qq.com";

	/** Invalid credential, access token expired, invalid access token. */
	private static final Set<Integer> STALE_TOKEN = Set.of(40001, 42001, 40014);

	/** Invalid credential or app secret, invalid app id. */
	private static final Set<Integer> CREDENTIALS_REFUSED = Set.of(40001, 40125, 40013);

	private static final Duration MARGIN = Duration.ofMinutes(5);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private final Environment environment;

	private final Clock clock;

	WeChatApi(Environment environment, Clock clock) {
		this.environment = environment;
		this.clock = clock;
	}

	/**
	 * Sends a text through the customer-service message API.
	 * @param settings the inbox's settings: {@code appId}, and {@code appSecretEnv}
	 * naming the environment variable with the app secret
	 * @throws DeliveryException when credentials are missing, WeChat cannot be reached or
	 * refuses the message
	 */
	void sendText(Map<String, String> settings, String openId, String text) throws DeliveryException {
		String body = this.json.writeValueAsString(
				Map.of("touser", openId, "msgtype", "text", "text", Map.of("content", text == null ? "" : text)));
		String appId = appId(settings);
		for (int attempt = 0;; attempt++) {
			String token = accessToken(settings);
			JsonNode answer = call(
					HttpRequest
						.newBuilder(URI.create(base() + "/cgi-bin/message/custom/send?access_token=" + encode(token)))
						.header("Content-Type", "application/json; charset=utf-8")
						.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
					"message/custom/send");
			int errcode = answer.path("errcode").asInt(0);
			if (errcode == 0) {
				return;
			}
			if (STALE_TOKEN.contains(errcode) && attempt == 0) {
				this.tokens.computeIfPresent(appId, (id, cached) -> cached.value().equals(token) ? null : cached);
				continue;
			}
			throw new DeliveryException(
					"WeChat refused the message: " + errcode + " " + answer.path("errmsg").asString(""));
		}
	}

	/**
	 * Fetches a customer's image through the temporary-media API by its MediaId, never
	 * from the PicUrl in the push (in plaintext mode WeChat's signature does not cover
	 * the body, so a URL in it must not make WalletDesk fetch arbitrary addresses).
	 * @param timeout how long the whole download may take (WeChat waits five seconds for
	 * the push's answer)
	 * @return the image, or empty when it is larger than {@code maxBytes}
	 * @throws DeliveryException when credentials are missing or WeChat cannot serve it
	 */
	Optional<Media> media(Map<String, String> settings, String mediaId, long maxBytes, Duration timeout)
			throws DeliveryException {
		String token = accessToken(settings);
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(HttpRequest
				.newBuilder(URI.create(
						base() + "/cgi-bin/media/get?access_token=" + encode(token) + "&media_id=" + encode(mediaId)))
				.timeout(timeout)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new DeliveryException("WeChat API not reachable (media/get): " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("Interrupted while calling the WeChat API");
		}
		String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
		if (response.statusCode() / 100 != 2 || type.isEmpty() || type.contains("json") || type.startsWith("text/")) {
			// Errors come back as JSON with errcode.
			throw new DeliveryException("WeChat refused media/get: " + response.statusCode() + " "
					+ new String(response.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim());
		}
		if (response.body().length > maxBytes) {
			return Optional.empty();
		}
		return Optional.of(new Media(type, response.body()));
	}

	/** A downloaded media file. */
	record Media(String contentType, byte[] content) {
	}

	/** The cached access token, fetched when there is none or it is about to expire. */
	String accessToken(Map<String, String> settings) throws DeliveryException {
		String appId = appId(settings);
		Instant now = this.clock.instant();
		Token cached = this.tokens.get(appId);
		if (cached != null && now.isBefore(cached.refreshAt())) {
			return cached.value();
		}
		synchronized (this) {
			cached = this.tokens.get(appId);
			if (cached != null && now.isBefore(cached.refreshAt())) {
				return cached.value();
			}
			String secret = secret(settings, "appSecretEnv").orElseThrow(
					() -> new DeliveryException("No app secret: set the environment variable named by appSecretEnv"));
			JsonNode answer = call(HttpRequest
				.newBuilder(URI.create(base() + "/cgi-bin/token?grant_type=client_credential" + "&appid="
						+ encode(appId) + "&secret=" + encode(secret)))
				.GET(), "token");
			String value = answer.path("access_token").asString("");
			if (value.isEmpty()) {
				throw new TokenRefused(answer.path("errcode").asInt(0), answer.path("errmsg").asString(""));
			}
			long expiresIn = answer.path("expires_in").asLong(7200);
			Instant refreshAt = now.plusSeconds(expiresIn).minus(MARGIN);
			this.tokens.put(appId,
					new Token(value, refreshAt.isAfter(now) ? refreshAt : now.plusSeconds(expiresIn / 2)));
			return value;
		}
	}

	/** The secret in the environment variable that the setting names, if both exist. */
	Optional<String> secret(Map<String, String> settings, String setting) {
		String variable = settings.get(setting);
		if (variable == null || variable.isBlank()) {
			return Optional.empty();
		}
		String value = this.environment.getProperty(variable);
		return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
	}

	private JsonNode call(HttpRequest.Builder request, String what) throws DeliveryException {
		HttpResponse<String> response;
		try {
			response = this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new DeliveryException("WeChat API not reachable (" + what + "): " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("Interrupted while calling the WeChat API");
		}
		if (response.statusCode() / 100 != 2) {
			throw new DeliveryException("WeChat API answered " + response.statusCode() + " (" + what + ")");
		}
		try {
			return this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new DeliveryException("WeChat API answered without JSON (" + what + ")");
		}
	}

	// Read per call rather than bound at start-up, so a changed endpoint (a proxy, a test
	// server) takes effect without a restart.
	private String base() {
		return this.environment.getProperty(BASE_URL_PROPERTY, DEFAULT_BASE_URL).replaceAll("/+$", "");
	}

	private static String appId(Map<String, String> settings) throws DeliveryException {
		String appId = settings.get("appId");
		if (appId == null || appId.isBlank()) {
			throw new DeliveryException("The inbox has no appId setting");
		}
		return appId;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Whether WeChat still grants an access token for the inbox's app id and secret. Uses
	 * the cached token while it is valid, so the check does not invalidate the token
	 * replies are using; a changed secret shows when the token is next fetched.
	 */
	ChannelCheck checkCredentials(Map<String, String> settings) {
		try {
			accessToken(settings);
			return ChannelCheck.ok();
		}
		catch (TokenRefused ex) {
			return CREDENTIALS_REFUSED.contains(ex.errcode) ? ChannelCheck.expiredCredentials(ex.getMessage())
					: ChannelCheck.failing(ex.getMessage());
		}
		catch (DeliveryException ex) {
			return ChannelCheck.failing(ex.getMessage());
		}
	}

	private record Token(String value, Instant refreshAt) {
	}

	/** WeChat answered the token request with an error code. */
	static final class TokenRefused extends DeliveryException {

		private final int errcode;

		TokenRefused(int errcode, String errmsg) {
			super("WeChat refused an access token: " + errcode + " " + errmsg);
			this.errcode = errcode;
		}

	}

}
