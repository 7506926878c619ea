package io.walletdesk.channel.phone;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RequestSignatures;
import io.walletdesk.channel.SignedChannels;
import io.walletdesk.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The generic CTI webhook: a telephony system (or a small bridge in front of a PBX)
 * reports {@code ringing}, {@code answered} and {@code ended} for each call. Requests are
 * signed with {@link RequestSignatures}, keyed with the secret in the environment
 * variable that the inbox setting {@code secretEnv} names; nothing is read or stored
 * before the signature is checked.
 */
@RestController
@Tag(name = "Channels")
class CtiWebhook {

	private final SignedChannels signed;

	private final CtiEvents events;

	private final JsonMapper json = JsonMapper.builder().build();

	CtiWebhook(SignedChannels signed, CtiEvents events) {
		this.signed = signed;
		this.events = events;
	}

	@PostMapping(path = "/channels/phone/{inboxKey}/events", consumes = MediaType.ALL_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report a call event (signed with X-WalletDesk-Timestamp, -Nonce and -Signature)")
	CtiEvents.Outcome event(@PathVariable String inboxKey, @RequestHeader HttpHeaders headers,
			@RequestBody(required = false) byte[] body, HttpServletRequest request) {
		InboxView inbox = this.signed.verify(PhoneAdapter.KIND, inboxKey, request, headers, body);
		return this.events.handle(inbox, parse(body));
	}

	private CtiEvent parse(byte[] body) {
		JsonNode node;
		try {
			node = this.json.readTree(body == null ? new byte[0] : body);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
		if (node == null || !node.isObject()) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
		Integer duration = null;
		JsonNode durationNode = node.get("durationSeconds");
		if (durationNode != null && !durationNode.isNull()) {
			if (!durationNode.canConvertToInt()) {
				throw new InvalidInputException("durationSeconds", "must be a whole number of seconds");
			}
			duration = durationNode.asInt();
		}
		Instant at = null;
		String atText = text(node, "at");
		if (atText != null) {
			try {
				at = Instant.parse(atText);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("at", "must be an ISO-8601 instant such as 2026-11-30T08:15:00Z");
			}
		}
		return new CtiEvent(text(node, "callId"), text(node, "event"), text(node, "from"), text(node, "to"),
				text(node, "direction"), text(node, "agent"), at, duration, text(node, "recordingUrl"),
				text(node, "callerName"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			throw new InvalidInputException(field, "must be a string");
		}
		return value.asText();
	}

}
