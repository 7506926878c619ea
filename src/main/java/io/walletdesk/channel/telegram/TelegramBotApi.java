package io.walletdesk.channel.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
