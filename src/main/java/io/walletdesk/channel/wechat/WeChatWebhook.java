package io.walletdesk.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.walletdesk.channel.ChannelIntake;
import io.walletdesk.channel.ChannelRefusals;
import io.walletdesk.channel.InboundMessage;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.spi.DeliveryException;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.ticket.NewAttachment;
import io.walletdesk.ticket.TicketSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official account's server URL. Every request must carry WeChat's signature over the
 * server token; in safe mode the message also carries a signature over the ciphertext. A
 * stored message is answered {@code success} at once (replies go out later through the
 * customer-service API), so WeChat's 5-second window is never missed.
 */
@RestController
class WeChatWebhook {

	private static final Logger log = LoggerFactory.getLogger(WeChatWebhook.class);

	private static final String SUCCESS = "success";

	private static final long MAX_SKEW_SECONDS = 300;

	/** Leaves time to store the message within WeChat's five seconds. */
	private static final java.time.Duration MEDIA_TIMEOUT = java.time.Duration.ofSeconds(3);

	private final InboxManagement inboxes;

	private final ChannelIntake intake;

	private final WeChatApi api;

	private final TicketSettings limits;

	private final Clock clock;

	private final ChannelRefusals refusals;

	WeChatWebhook(InboxManagement inboxes, ChannelIntake intake, WeChatApi api, TicketSettings limits, Clock clock,
			ChannelRefusals refusals) {
		this.refusals = refusals;
		this.limits = limits;
		this.inboxes = inboxes;
		this.intake = intake;
		this.api = api;
		this.clock = clock;
	}

	@GetMapping(path = "/channels/wechat/{inboxPublicKey}", produces = MediaType.ALL_VALUE)
	ResponseEntity<?> verify(@PathVariable String inboxPublicKey, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		Optional<InboxView> inbox = inbox(inboxPublicKey);
		if (inbox.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Not found", "No WeChat inbox with this key.");
		}
		if (!signed(inbox.get(), signature, timestamp, nonce) || echostr == null) {
			return unauthorized(inbox.get());
		}
		return text(echostr);
	}

	@PostMapping(path = "/channels/wechat/{inboxPublicKey}", consumes = MediaType.ALL_VALUE,
			produces = MediaType.ALL_VALUE)
	ResponseEntity<?> push(@PathVariable String inboxPublicKey, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature,
			@RequestBody(required = false) String body) {
		Optional<InboxView> found = inbox(inboxPublicKey);
		if (found.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Not found", "No WeChat inbox with this key.");
		}
		InboxView inbox = found.get();
		if (!signed(inbox, signature, timestamp, nonce) || !fresh(timestamp)) {
			return unauthorized(inbox);
		}
		Map<String, String> message;
		WeChatCrypto crypto = null;
		try {
			message = WeChatXml.parse(body == null ? "" : body);
			if ("aes".equalsIgnoreCase(encryptType)) {
				crypto = crypto(inbox);
				String encrypted = message.getOrDefault("Encrypt", "");
				String token = this.api.secret(inbox.settings(), "tokenEnv").orElseThrow();
				if (!WeChatCrypto.matches(WeChatCrypto.signature(token, timestamp, nonce, encrypted), msgSignature)) {
					return unauthorized(inbox);
				}
				message = WeChatXml.parse(crypto.decrypt(encrypted));
			}
		}
		catch (IllegalArgumentException ex) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed message", "The message cannot be read.");
		}
		return handle(inbox, message, crypto, timestamp, nonce);
	}

	private ResponseEntity<?> handle(InboxView inbox, Map<String, String> message, WeChatCrypto crypto,
			String timestamp, String nonce) {
		String openId = message.getOrDefault("FromUserName", "");
		String type = message.getOrDefault("MsgType", "");
		if (openId.isBlank()) {
			return text(SUCCESS);
		}
		if ("event".equals(type)) {
			String welcome = inbox.settings().get("welcomeText");
			if ("subscribe".equals(message.get("Event")) && welcome != null && !welcome.isBlank()) {
				return ResponseEntity.ok()
					.contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
					.body(passiveReply(inbox, message, welcome, crypto, timestamp, nonce));
			}
			return text(SUCCESS);
		}
		String content = content(type, message);
		if (content == null) {
			return text(SUCCESS);
		}
		String msgId = message.get("MsgId");
		String externalId = (msgId != null && !msgId.isBlank()) ? msgId
				: openId + ":" + message.getOrDefault("CreateTime", "");
		List<NewAttachment> attachments = new ArrayList<>();
		if ("image".equals(type)) {
			Optional<NewAttachment> image = image(inbox, message, externalId);
			if (image.isPresent()) {
				attachments.add(image.get());
				content = "[image]";
			}
		}
		this.intake.receive(new InboundMessage(inbox.id(), externalId, openId, null, IdentityKind.WECHAT, openId, null,
				null, null, content, null, attachments, createdAt(message.get("CreateTime"))));
		return text(SUCCESS);
	}

	/**
	 * The customer's image as an attachment, when WeChat serves it quickly enough and its
	 * type and size are allowed; otherwise the message keeps the image's link.
	 */
	private Optional<NewAttachment> image(InboxView inbox, Map<String, String> message, String externalId) {
		String mediaId = message.get("MediaId");
		if (mediaId == null || mediaId.isBlank()) {
			return Optional.empty();
		}
		try {
			return this.api.media(inbox.settings(), mediaId, this.limits.attachmentMaxBytes(), MEDIA_TIMEOUT)
				.filter(media -> this.limits.attachmentAllowedTypes().contains(media.contentType()))
				.map(media -> new NewAttachment(
						"wechat-image-" + externalId.replaceAll("[^A-Za-z0-9_-]", "_") + extension(media.contentType()),
						media.contentType(), media.content()));
		}
		catch (DeliveryException ex) {
			log.warn("Could not fetch WeChat image of inbox {}: {}", inbox.id(), ex.getMessage());
			return Optional.empty();
		}
	}

	private static String extension(String contentType) {
		return switch (contentType) {
			case "image/png" -> ".png";
			case "image/gif" -> ".gif";
			case "image/webp" -> ".webp";
			default -> ".jpg";
		};
	}

	/** The text a message type becomes, or null for types support does not take. */
	static String content(String type, Map<String, String> message) {
		return switch (type) {
			case "text" -> blankToNull(message.get("Content"));
			case "image" -> "[image] " + message.getOrDefault("PicUrl", "");
			case "voice" -> "[voice]"
					+ Optional.ofNullable(blankToNull(message.get("Recognition"))).map(text -> " " + text).orElse("");
			case "video", "shortvideo" -> "[video]";
			case "location" -> "[location] " + message.getOrDefault("Label", "");
			case "link" -> "[link] " + message.getOrDefault("Title", "") + " " + message.getOrDefault("Url", "");
			default -> null;
		};
	}

	private String passiveReply(InboxView inbox, Map<String, String> message, String text, WeChatCrypto crypto,
			String timestamp, String nonce) {
		String reply = "<xml><ToUserName>" + WeChatXml.cdata(message.getOrDefault("FromUserName", ""))
				+ "</ToUserName><FromUserName>" + WeChatXml.cdata(message.getOrDefault("ToUserName", ""))
				+ "</FromUserName><CreateTime>" + this.clock.instant().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>" + WeChatXml.cdata(text)
				+ "</Content></xml>";
		if (crypto == null) {
			return reply;
		}
		String encrypted = crypto.encrypt(reply);
		String token = this.api.secret(inbox.settings(), "tokenEnv").orElseThrow();
		return "<xml><Encrypt>" + WeChatXml.cdata(encrypted) + "</Encrypt><MsgSignature>"
				+ WeChatXml.cdata(WeChatCrypto.signature(token, timestamp, nonce, encrypted))
				+ "</MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce>" + WeChatXml.cdata(nonce)
				+ "</Nonce></xml>";
	}

	private Optional<InboxView> inbox(String publicKey) {
		return this.inboxes.byPublicKey(publicKey).filter(inbox -> "wechat".equals(inbox.kind()) && inbox.enabled());
	}

	/**
	 * WeChat signs each push with the time it sent it and retries within seconds: a push
	 * signed more than five minutes from now is a replay of a captured request.
	 */
	private boolean fresh(String timestamp) {
		try {
			long signedAt = Long.parseLong(timestamp);
			return Math.abs(this.clock.instant().getEpochSecond() - signedAt) <= MAX_SKEW_SECONDS;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private boolean signed(InboxView inbox, String signature, String timestamp, String nonce) {
		Optional<String> token = this.api.secret(inbox.settings(), "tokenEnv");
		if (token.isEmpty() || signature == null || timestamp == null || nonce == null) {
			return false;
		}
		return WeChatCrypto.matches(WeChatCrypto.signature(token.get(), timestamp, nonce), signature);
	}

	private WeChatCrypto crypto(InboxView inbox) {
		String key = this.api.secret(inbox.settings(), "encodingAesKeyEnv")
			.orElseThrow(() -> new IllegalArgumentException("No EncodingAESKey configured"));
		return new WeChatCrypto(key, inbox.settings().getOrDefault("appId", ""));
	}

	private static Instant createdAt(String createTime) {
		try {
			return createTime == null ? null : Instant.ofEpochSecond(Long.parseLong(createTime.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static ResponseEntity<String> text(String body) {
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(body);
	}

	private ResponseEntity<ProblemDetail> unauthorized(InboxView inbox) {
		this.refusals.refused(inbox.id());
		return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "The WeChat signature is missing or wrong.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
