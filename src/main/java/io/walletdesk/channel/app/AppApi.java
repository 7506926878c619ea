package io.walletdesk.channel.app;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.IntakeResult;
import io.walletdesk.channel.InvalidRequestException;
import io.walletdesk.channel.SignedChannels;
import io.walletdesk.platform.InvalidInputException.FieldProblem;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.platform.PayloadTooLargeException;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.NewAttachment;
import io.walletdesk.ticket.TicketSettings;
import io.walletdesk.ticket.TicketView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The in-app API for the wallet's own apps ({@code docs/channels/in-app-api.md}). Every
 * request is signed with the app's secret ({@code RequestSignatures}) and verified before
 * anything else is read; the body is taken as bytes because the signature covers exactly
 * those bytes.
 */
@RestController
@RequestMapping("/channels/app/{inboxKey}")
class AppApi {

	static final String KIND = Channel.IN_APP.id();

	private static final Pattern USER_ID = Pattern.compile(AppMessage.ID);

	private static final int DEFAULT_LIMIT = 50;

	private static final int MAX_LIMIT = 200;

	private final SignedChannels signed;

	private final AppConversations conversations;

	private final TicketSettings limits;

	AppApi(SignedChannels signed, AppConversations conversations, TicketSettings limits) {
		this.signed = signed;
		this.conversations = conversations;
		this.limits = limits;
	}

	@PostMapping(path = "/messages", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> message(@PathVariable String inboxKey, HttpServletRequest request,
			@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		checkBodySize(body);
		InboxView inbox = this.signed.verify(KIND, inboxKey, request, headers, body);
		AppMessage message = this.signed.parse(body, AppMessage.class);
		List<NewAttachment> attachments = validate(message);
		IntakeResult result = this.conversations.receive(inbox, message, attachments);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("messageId", message.messageId());
		answer.put("walletdeskMessageId", result.messageId());
		answer.put("ticketId", result.ticketId());
		answer.put("ticketNumber", result.ticketNumber());
		answer.put("duplicate", result.duplicate());
		return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
	}

	@GetMapping(path = "/users/{userId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> messages(@PathVariable String inboxKey, @PathVariable String userId,
			@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
			HttpServletRequest request, @RequestHeader HttpHeaders headers) {
		InboxView inbox = this.signed.verify(KIND, inboxKey, request, headers, new byte[0]);
		List<FieldProblem> problems = new ArrayList<>();
		checkUserId(userId, problems);
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		AppConversations.Polled polled = this.conversations.poll(inbox, userId, after,
				limit == null ? DEFAULT_LIMIT : limit);
		List<Map<String, Object>> messages = new ArrayList<>();
		for (AppConversations.Entry entry : polled.messages()) {
			TicketView.MessageView message = entry.message();
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", message.id());
			item.put("appMessageId", AppConversations.appMessageId(inbox.id(), message.externalId()));
			item.put("ticketNumber", entry.ticket().number());
			item.put("ticketStatus", entry.ticket().status().name().toLowerCase(Locale.ROOT));
			item.put("author", message.authorKind().name().toLowerCase(Locale.ROOT));
			item.put("authorName", message.authorKind() == AuthorKind.CUSTOMER ? null : message.authorName());
			item.put("text", message.body());
			item.put("at", message.receivedAt().toString());
			item.put("attachments",
					message.attachments()
						.stream()
						.map(a -> Map.of("fileName", a.fileName(), "contentType", a.contentType(), "size", a.size()))
						.toList());
			messages.add(item);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("messages", messages);
		answer.put("nextCursor", polled.nextCursor());
		return answer;
	}

	@PostMapping(path = "/users/{userId}/read", consumes = MediaType.ALL_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> read(@PathVariable String inboxKey, @PathVariable String userId, HttpServletRequest request,
			@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		InboxView inbox = this.signed.verify(KIND, inboxKey, request, headers, body);
		ReadReceipt receipt = this.signed.read(body, ReadReceipt.class);
		List<FieldProblem> problems = new ArrayList<>();
		checkUserId(userId, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		if (!this.conversations.read(inbox, userId, receipt.messageId())) {
			throw new NotFoundException("Reply", receipt.messageId());
		}
		return Map.of("messageId", receipt.messageId(), "state", "read");
	}

	/**
	 * @param messageId WalletDesk's id of the reply, as the polling endpoint and the
	 * webhook give it
	 */
	record ReadReceipt(@NotNull UUID messageId) {
	}

	private static void checkUserId(String userId, List<FieldProblem> problems) {
		if (userId.length() > 128 || !USER_ID.matcher(userId).matches()) {
			problems.add(new FieldProblem("userId", "must be 1 to 128 letters, digits or . _ : @ + -"));
		}
	}

	/**
	 * The checks a record's annotations cannot express; all problems are reported at
	 * once.
	 * @return the decoded attachments
	 */
	private List<NewAttachment> validate(AppMessage message) {
		List<FieldProblem> problems = new ArrayList<>(this.signed.problems(message));
		List<AppMessage.Attachment> files = message.attachments() == null ? List.of() : message.attachments();
		if ((message.text() == null || message.text().isBlank()) && files.isEmpty()) {
			problems.add(new FieldProblem("text", "must not be blank unless there are attachments"));
		}
		List<AppMessage.WalletAddress> addresses = message.walletAddresses() == null ? List.of()
				: message.walletAddresses();
		for (int i = 0; i < addresses.size(); i++) {
			if (addresses.get(i) == null || isBlank(addresses.get(i).address())
					|| !this.signed.problems(addresses.get(i)).isEmpty()) {
				continue;
			}
			String problem = WalletAddressFormat.problem(addresses.get(i).chain(), addresses.get(i).address());
			if (problem != null) {
				problems.add(new FieldProblem("walletAddresses[" + i + "].address", problem));
			}
		}
		List<NewAttachment> attachments = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			AppMessage.Attachment file = files.get(i);
			if (file == null || isBlank(file.name()) || isBlank(file.contentType()) || isBlank(file.base64())) {
				continue;
			}
			String type = file.contentType().toLowerCase(Locale.ROOT).strip();
			if (!this.limits.attachmentAllowedTypes().contains(type)) {
				problems.add(new FieldProblem("attachments[" + i + "].contentType",
						"must be one of " + this.limits.attachmentAllowedTypes()));
			}
			// Checked before decoding, so an oversized file is never held twice in
			// memory.
			if ((long) file.base64().length() * 3 / 4 > this.limits.attachmentMaxBytes() + 2) {
				throw new PayloadTooLargeException(
						"Attachment " + i + " is larger than " + this.limits.attachmentMaxBytes() + " bytes.");
			}
			try {
				attachments
					.add(new NewAttachment(file.name().strip(), type, Base64.getDecoder().decode(file.base64())));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("attachments[" + i + "].base64", "must be standard base64"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return attachments;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** The largest body a valid message can have: its text and ten full attachments. */
	private void checkBodySize(byte[] body) {
		long max = 8L * this.limits.maxBodyChars() + 10 * (this.limits.attachmentMaxBytes() * 4 / 3 + 1024) + 65536;
		if (body != null && body.length > max) {
			throw new PayloadTooLargeException("The request is larger than " + max + " bytes.");
		}
	}

}
