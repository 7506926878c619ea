package io.walletdesk.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.channel.spi.DeliveryException;
import io.walletdesk.channel.spi.Outbound;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The outbound side of the signed channels: an inbox's signing secret, and signed JSON
 * webhooks carrying replies to an integrator's backend. Kept apart from
 * {@link SignedChannels} because channel adapters use it, and adapters must not depend on
 * {@link InboxManagement} (which collects the adapters).
 * <p>
 * The secret is never stored: inbox setting {@value #SECRET_SETTING} names the
 * environment variable (or Spring property) that holds it.
 */
@Component
public class SignedWebhooks {

	/** The inbox setting naming the environment variable with the signing secret. */
	public static final String SECRET_SETTING = "secretEnv";

	/** The header carrying the reply's WalletDesk message id on outgoing webhooks. */
	public static final String DELIVERY = "X-WalletDesk-Delivery";

	/** How long a receiver may take to answer before the delivery counts as failed. */
	public static final String TIMEOUT_PROPERTY = "walletdesk.channel.signed-webhooks.timeout";

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final Environment environment;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	SignedWebhooks(Environment environment, Clock clock) {
		this.environment = environment;
		this.clock = clock;
	}

	/** The inbox's signing secret, if the setting names a variable that is set. */
	public Optional<String> secret(Map<String, String> settings) {
		String variable = settings.get(SECRET_SETTING);
		if (variable == null || variable.isBlank()) {
			return Optional.empty();
		}
		String value = this.environment.getProperty(variable.trim());
		return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
	}

	/**
	 * POSTs an agent's reply as a signed webhook to the inbox's receiver: {@code type},
	 * {@code deliveryId} (the reply's message id) and {@code ticketNumber}, then the
	 * channel's own fields, then {@code at}, the time the reply was written.
	 * @throws DeliveryException when the inbox's signing secret is not set, or as
	 * {@link #post}
	 */
	public void postReply(String url, Outbound reply, Instant at, Map<String, Object> fields) throws DeliveryException {
		String secret = secret(reply.settings()).orElseThrow(() -> new DeliveryException(
				"No signing secret: set the environment variable named by " + SECRET_SETTING));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", "reply");
		payload.put("deliveryId", reply.messageId().toString());
		payload.put("ticketNumber", reply.ticketNumber());
		payload.putAll(fields);
		payload.put("at", at == null ? null : at.toString());
		post(url, secret, reply.messageId(), payload);
	}

	/**
	 * POSTs a signed JSON webhook: the {@link RequestSignatures} headers over the URL's
	 * path and query, plus {@value #DELIVERY} with the reply's message id (the receiver's
	 * idempotency key).
	 * @throws DeliveryException when the URL is not http(s), the receiver cannot be
	 * reached or does not answer in time, or answers other than 2xx
	 */
	public void post(String url, String secret, UUID deliveryId, Map<String, Object> payload) throws DeliveryException {
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new DeliveryException("The webhook URL is not a valid URL");
		}
		if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
				|| uri.getHost() == null) {
			throw new DeliveryException("The webhook URL must be an http or https URL");
		}
		// Read per call, like the messenger API base URLs, so a change needs no restart.
		Duration timeout = this.environment.getProperty(TIMEOUT_PROPERTY, Duration.class, DEFAULT_TIMEOUT);
		byte[] body = this.json.writeValueAsBytes(payload);
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		String pathAndQuery = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header(DELIVERY, deliveryId.toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		RequestSignatures.headers(secret, "POST", pathAndQuery, body, this.clock.instant()).forEach(request::header);
		HttpResponse<Void> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (HttpTimeoutException ex) {
			throw new DeliveryException("Webhook at " + uri.getHost() + " did not answer within " + timeout);
		}
		catch (IOException ex) {
			// Host only: the URL's query may carry the receiver's own token.
			throw new DeliveryException(
					"Webhook at " + uri.getHost() + " not reachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("Interrupted while calling the webhook");
		}
		if (response.statusCode() / 100 != 2) {
			throw new DeliveryException("Webhook at " + uri.getHost() + " answered " + response.statusCode());
		}
	}

}
