package io.walletdesk.channel.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.walletdesk.channel.spi.ChannelCheck;
import io.walletdesk.channel.spi.DeliveryException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Calls the Telegram Bot API. The bot token is part of every URL, so neither URLs nor
 * response bodies go into exception messages (they end up in the delivery table and the
 * logs).
 */
@Component
class TelegramBotApi {

	static final String BASE_URL_PROPERTY = "walletdesk.channel.telegram.api-base-url";

	static final String DEFAULT_BASE_URL = "https://api.telegram.org";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Environment environment;

	TelegramBotApi(Environment environment) {
		this.environment = environment;
	}

	/**
	 * @param settings the inbox's settings; {@code botTokenEnv} names the environment
	 * variable holding the token
	 * @return the sent message's id
	 * @throws DeliveryException when the token is missing, Telegram cannot be reached, or
	 * it answers with an error
	 */
	String sendMessage(Map<String, String> settings, Map<String, Object> request) throws DeliveryException {
		String token = secret(settings, "botTokenEnv").orElseThrow(
				() -> new DeliveryException("No bot token: set the environment variable named by botTokenEnv"));
		// Read per call rather than bound at start-up, so a changed endpoint (a proxy, a
		// test server) takes effect without a restart.
		String base = this.environment.getProperty(BASE_URL_PROPERTY, DEFAULT_BASE_URL).replaceAll("/+$", "");
		HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/sendMessage"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(request)))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new DeliveryException("Telegram Bot API not reachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("Interrupted while calling the Telegram Bot API");
		}
		JsonNode answer;
		try {
			answer = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new DeliveryException("Telegram Bot API answered " + response.statusCode() + " without JSON");
		}
		if (response.statusCode() / 100 != 2 || !answer.path("ok").asBoolean(false)) {
			throw new DeliveryException("Telegram Bot API refused sendMessage: " + response.statusCode() + " "
					+ answer.path("description").asString(""));
		}
		return answer.path("result").path("message_id").asString("");
	}

	/**
	 * Downloads a file a customer sent ({@code getFile}, then the file itself).
	 * @param maxBytes files larger than this are not downloaded
	 * @return the file's bytes, or empty when it is too large
	 * @throws DeliveryException when the token is missing or Telegram cannot serve the
	 * file
	 */
	Optional<byte[]> download(Map<String, String> settings, String fileId, long maxBytes) throws DeliveryException {
		String token = secret(settings, "botTokenEnv").orElseThrow(
				() -> new DeliveryException("No bot token: set the environment variable named by botTokenEnv"));
		String base = this.environment.getProperty(BASE_URL_PROPERTY, DEFAULT_BASE_URL).replaceAll("/+$", "");
		String query = "file_id=" + java.net.URLEncoder.encode(fileId, java.nio.charset.StandardCharsets.UTF_8);
		HttpResponse<String> described = call(
				HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/getFile?" + query))
					.timeout(Duration.ofSeconds(10))
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofString(), "getFile");
		JsonNode answer;
		try {
			answer = this.json.readTree(described.body());
		}
		catch (JacksonException ex) {
			throw new DeliveryException("Telegram Bot API answered getFile without JSON");
		}
		JsonNode file = answer.path("result");
		if (described.statusCode() / 100 != 2 || !answer.path("ok").asBoolean(false)
				|| file.path("file_path").asString("").isEmpty()) {
			throw new DeliveryException("Telegram Bot API refused getFile: " + described.statusCode() + " "
					+ answer.path("description").asString(""));
		}
		if (file.path("file_size").asLong(0) > maxBytes) {
			return Optional.empty();
		}
		HttpResponse<java.io.InputStream> content = call(
				HttpRequest.newBuilder(URI.create(base + "/file/bot" + token + "/" + file.path("file_path").asString()))
					.timeout(Duration.ofSeconds(30))
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofInputStream(), "file download");
		try (java.io.InputStream in = content.body()) {
			if (content.statusCode() / 100 != 2) {
				throw new DeliveryException("Telegram refused the file download: " + content.statusCode());
			}
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
		}
		catch (IOException ex) {
			throw new DeliveryException("Telegram file download failed: " + ex.getClass().getSimpleName());
		}
	}

	private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> body, String what)
			throws DeliveryException {
		try {
			return this.http.send(request, body);
		}
		catch (IOException ex) {
			// The exception's message may carry the URL, which carries the token.
			throw new DeliveryException(
					"Telegram Bot API not reachable for " + what + ": " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("Interrupted while calling the Telegram Bot API");
		}
	}

	/**
	 * Asks Telegram who the bot is ({@code getMe}): the cheapest call that proves the
	 * token is still valid. A revoked or replaced token is answered with 401.
	 */
	ChannelCheck getMe(Map<String, String> settings) {
		Optional<String> token = secret(settings, "botTokenEnv");
		if (token.isEmpty()) {
			return ChannelCheck.failing("No bot token: set the environment variable named by botTokenEnv");
		}
		String base = this.environment.getProperty(BASE_URL_PROPERTY, DEFAULT_BASE_URL).replaceAll("/+$", "");
		HttpResponse<String> response;
		try {
			response = call(HttpRequest.newBuilder(URI.create(base + "/bot" + token.get() + "/getMe"))
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString(), "getMe");
		}
		catch (DeliveryException ex) {
			return ChannelCheck.failing(ex.getMessage());
		}
		String description;
		try {
			description = this.json.readTree(response.body()).path("description").asString("");
		}
		catch (JacksonException ex) {
			description = "";
		}
		if (response.statusCode() == 401) {
			return ChannelCheck.expiredCredentials("Telegram refused the bot token: 401 " + description);
		}
		if (response.statusCode() / 100 != 2) {
			return ChannelCheck
				.failing("Telegram Bot API answered getMe with " + response.statusCode() + " " + description);
		}
		return ChannelCheck.ok();
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

}
