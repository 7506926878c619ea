package io.walletdesk.channel.widget;

import java.util.List;
import java.util.UUID;

import io.walletdesk.channel.InboxView;
import io.walletdesk.platform.InvalidInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's REST side: configuration, visitor sessions, and messages for the offline
 * form and for browsers without WebSocket. Called from any web site that embeds the
 * widget, so cross-origin requests are allowed; they carry the visitor token in
 * {@code Authorization}, never cookies.
 */
@RestController
@RequestMapping("/channels/widget/{key}")
@CrossOrigin(origins = "*", allowedHeaders = { HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE }, maxAge = 3600)
class WidgetApi {

	private final WebChat chat;

	WidgetApi(WebChat chat) {
		this.chat = chat;
	}

	@GetMapping("/config")
	WebChat.Config config(@PathVariable String key, @RequestParam(required = false) String lang) {
		return this.chat.config(this.chat.inbox(key), lang);
	}

	@PostMapping("/sessions")
	WebChat.Session session(@PathVariable String key, @RequestBody(required = false) SessionRequest request) {
		InboxView inbox = this.chat.inbox(key);
		SessionRequest body = request == null ? new SessionRequest(null, null, null, null) : request;
		return this.chat.start(inbox, body.visitorToken(), body.name(), body.email(), body.language());
	}

	@GetMapping("/messages")
	List<WidgetMessage> messages(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(required = false) String after) {
		InboxView inbox = this.chat.inbox(key);
		UUID visitor = this.chat.visitor(inbox, authorization);
		UUID afterId = null;
		if (after != null && !after.isBlank()) {
			try {
				afterId = UUID.fromString(after.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("after", "must be a message id");
			}
		}
		return this.chat.messages(inbox.id(), visitor, afterId);
	}

	@PostMapping("/messages")
	ResponseEntity<Sent> send(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) SendRequest request) {
		InboxView inbox = this.chat.inbox(key);
		UUID visitor = this.chat.visitor(inbox, authorization);
		if (request == null) {
			throw new InvalidInputException("body", "must be a JSON object with clientMessageId and text");
		}
		WebChat.clientMessageId(request.clientMessageId());
		this.chat.introduce(inbox.id(), visitor, request.name(), request.email());
		WebChat.Ack ack = this.chat.send(inbox.id(), visitor, request.clientMessageId(), request.text());
		// Other tabs of the visitor show the message too.
		this.chat.push(visitor.toString(), ack.asPush());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Sent(ack.messageId(), ack.ticketNumber(), ack.duplicate(), ack.text()));
	}

	record SessionRequest(String visitorToken, String name, String email, String language) {
	}

	record SendRequest(String clientMessageId, String text, String name, String email) {
	}

	/**
	 * @param text the message as stored, with secrets redacted
	 */
	record Sent(UUID messageId, String ticketNumber, boolean duplicate, String text) {
	}

}
