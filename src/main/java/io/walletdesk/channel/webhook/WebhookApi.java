package io.walletdesk.channel.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.walletdesk.channel.ChannelIntake;
import io.walletdesk.channel.InboundMessage;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.IntakeResult;
import io.walletdesk.channel.InvalidRequestException;
import io.walletdesk.channel.RequestSignatures;
import io.walletdesk.channel.SignedChannels;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.platform.InvalidInputException.FieldProblem;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.platform.PayloadTooLargeException;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.TicketSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed webhook channel ({@code docs/channels/signed-webhook.md}): any platform a
 * small bridge can read (Weibo private messages, a forum, a marketplace chat) sends its
 * customers' messages here, signed like the in-app API, and gets replies back on the
 * inbox's {@code replyUrl}.
 */
@RestController
@RequestMapping("/channels/webhook/{inboxKey}")
class WebhookApi {

	static final String KIND = Channel.WEBHOOK.id();

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{4,24}");

	private static final Pattern OTHER = Pattern.compile(WebhookMessage.ID);

	private final SignedChannels signed;

	private final ChannelIntake intake;

	private final WebhookReceipts receipts;

	private final TicketSettings limits;

	private final Clock clock;

	WebhookApi(SignedChannels signed, ChannelIntake intake, WebhookReceipts receipts, TicketSettings limits,
			Clock clock) {
		this.signed = signed;
		this.intake = intake;
		this.receipts = receipts;
		this.limits = limits;
		this.clock = clock;
	}

	@PostMapping(path = "/messages", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> message(@PathVariable String inboxKey, HttpServletRequest request,
			@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		if (body != null && body.length > 8L * this.limits.maxBodyChars() + 65536) {
			throw new PayloadTooLargeException("The request is larger than the largest message.");
		}
		InboxView inbox = this.signed.verify(KIND, inboxKey, request, headers, body);
		WebhookMessage message = this.signed.parse(body, WebhookMessage.class);
		List<FieldProblem> problems = new ArrayList<>(this.signed.problems(message));
		if (isBlank(message.text()) && isBlank(message.html())) {
			problems.add(new FieldProblem("text", "must not be blank unless there is html"));
		}
		IdentityKind kind = senderKind(inbox, message.sender(), problems);
		Instant sentAt = sentAt(message.sentAt(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		String handle = kind == IdentityKind.APP_USER ? otherHandle(inbox.id(), message.sender().id())
				: message.sender().id().strip();
		IntakeResult result = this.intake.receive(new InboundMessage(inbox.id(), message.messageId(),
				message.conversationId(), null, kind, handle, blankToNull(message.sender().name()),
				blankToNull(message.language()), blankToNull(message.subject()),
				message.text() == null ? "" : message.text(), blankToNull(message.html()), List.of(), sentAt));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("messageId", message.messageId());
		answer.put("walletdeskMessageId", result.messageId());
		answer.put("ticketId", result.ticketId());
		answer.put("ticketNumber", result.ticketNumber());
		answer.put("duplicate", result.duplicate());
		return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
	}

	@PostMapping(path = "/receipts", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> receipt(@PathVariable String inboxKey, HttpServletRequest request,
			@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		InboxView inbox = this.signed.verify(KIND, inboxKey, request, headers, body);
		Receipt receipt = this.signed.parse(body, Receipt.class);
		List<FieldProblem> problems = new ArrayList<>(this.signed.problems(receipt));
		Instant at = sentAt(receipt.at(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		Optional<String> state = this.receipts.report(inbox.id(), receipt.deliveryId(), receipt.state(),
				at == null ? this.clock.instant() : at);
		return Map.of("deliveryId", receipt.deliveryId(), "state",
				state.orElseThrow(() -> new NotFoundException("Delivery", receipt.deliveryId())));
	}

	/**
	 * @param deliveryId the {@code deliveryId} of a reply webhook
	 * @param state {@code delivered} or {@code read}
	 * @param at when it happened (ISO-8601), else now
	 */
	record Receipt(@NotNull UUID deliveryId,
			@NotBlank @jakarta.validation.constraints.Pattern(regexp = "delivered|read",
					message = "must be delivered or read") String state,
			String at) {
	}

	/**
	 * The handle of a sender of kind {@code other}: the customer module has no generic
	 * identity kind, so such senders are app users named by inbox, which keeps two
	 * platforms' equal ids apart. {@link WebhookAdapter} strips the prefix again.
	 */
	static String otherHandle(UUID inboxId, String id) {
		return "webhook:" + inboxId + ":" + id.strip();
	}

	private static IdentityKind senderKind(InboxView inbox, WebhookMessage.Sender sender, List<FieldProblem> problems) {
		if (sender == null || isBlank(sender.id())) {
			return IdentityKind.APP_USER;
		}
		String id = sender.id().strip();
		String kind = sender.kind() == null ? "other" : sender.kind();
		switch (kind) {
			case "email" -> {
				if (!EMAIL.matcher(id).matches()) {
					problems.add(new FieldProblem("sender.id", "must be an e-mail address"));
				}
				return IdentityKind.EMAIL;
			}
			case "phone" -> {
				if (!PHONE.matcher(id).matches()) {
					problems.add(new FieldProblem("sender.id", "must be a phone number"));
				}
				return IdentityKind.PHONE;
			}
			default -> {
				if (!OTHER.matcher(id).matches()) {
					problems.add(new FieldProblem("sender.id", WebhookMessage.ID_MESSAGE));
				}
				return IdentityKind.APP_USER;
			}
		}
	}

	private Instant sentAt(String text, List<FieldProblem> problems) {
		if (isBlank(text)) {
			return null;
		}
		try {
			Instant at = OffsetDateTime.parse(text.strip()).toInstant();
			if (at.isAfter(this.clock.instant().plus(RequestSignatures.WINDOW))) {
				problems.add(new FieldProblem("sentAt", "must not be in the future"));
			}
			return at;
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem("sentAt", "must be an ISO-8601 time with offset, e.g. 2026-01-31T08:15:00Z"));
			return null;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return isBlank(value) ? null : value;
	}

}
