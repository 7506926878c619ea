package io.walletdesk.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bot's webhook ({@code setWebhook} with {@code secret_token}). Telegram repeats an
 * update until it gets a 2xx, so everything that is not for support is acknowledged too,
 * and a repeated update is stored once.
 */
@RestController
class TelegramWebhook {

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

	private final InboxManagement inboxes;

	private final ChannelIntake intake;

	private final TelegramBotApi api;

	private final ImpersonatorWarning warning;

	private final TicketSettings limits;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ChannelRefusals refusals;

	TelegramWebhook(InboxManagement inboxes, ChannelIntake intake, TelegramBotApi api, TicketSettings limits,
			Clock clock, ChannelRefusals refusals) {
		this.refusals = refusals;
		this.inboxes = inboxes;
		this.intake = intake;
		this.api = api;
		this.limits = limits;
		this.warning = new ImpersonatorWarning(clock);
	}

	@PostMapping(path = "/channels/telegram/{inboxPublicKey}", consumes = MediaType.ALL_VALUE)
	ResponseEntity<?> update(@PathVariable String inboxPublicKey,
			@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secretToken,
			@RequestBody(required = false) String body) {
		Optional<InboxView> found = this.inboxes.byPublicKey(inboxPublicKey)
			.filter(inbox -> "telegram".equals(inbox.kind()) && inbox.enabled());
		if (found.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Not found", "No Telegram inbox with this key.");
		}
		InboxView inbox = found.get();
		Optional<String> expected = this.api.secret(inbox.settings(), "secretTokenEnv");
		if (expected.isEmpty() || secretToken == null || !MessageDigest
			.isEqual(expected.get().getBytes(StandardCharsets.UTF_8), secretToken.getBytes(StandardCharsets.UTF_8))) {
			this.refusals.refused(inbox.id());
			return problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
					"The X-Telegram-Bot-Api-Secret-Token header is missing or wrong.");
		}
		JsonNode update;
		try {
			update = this.json.readTree(body == null ? "" : body);
		}
		catch (JacksonException ex) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed update", "The body is not a JSON update.");
		}
		if (update == null || !update.isObject()) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed update", "The body is not a JSON update.");
		}
		Map<String, String> settings = inbox.settings();
		TelegramUpdate meaning = TelegramUpdate.of(update, blankToNull(settings.get("botUsername")),
				blankToNull(settings.get("officialGroupChatId")));
		if (meaning instanceof TelegramUpdate.Customer customer) {
			List<NewAttachment> attachments = new ArrayList<>();
			StringBuilder text = new StringBuilder(customer.text());
			for (TelegramUpdate.Media media : customer.media()) {
				download(inbox, media).ifPresentOrElse(attachments::add,
						() -> text.append("\n[")
							.append(media.fileName())
							.append(" (")
							.append(media.contentType())
							.append(") was not kept: type or size not allowed, or Telegram could not serve it]"));
			}
			this.intake.receive(new InboundMessage(inbox.id(), customer.externalId(), customer.threadKey(), null,
					IdentityKind.TELEGRAM, customer.userId(), customer.name(), customer.language(), null,
					text.toString(), null, attachments, customer.sentAt()));
		}
		else if (meaning instanceof TelegramUpdate.MembersJoined joined) {
			warn(inbox, joined.chatId());
		}
		return ResponseEntity.ok().build();
	}

	/**
	 * The file a customer sent, when its type and size are allowed for attachments. A
	 * file that cannot be fetched does not hold up the message: it is stored with a note
	 * instead, since Telegram would otherwise repeat the whole update.
	 */
	private Optional<NewAttachment> download(InboxView inbox, TelegramUpdate.Media media) {
		if (!this.limits.attachmentAllowedTypes().contains(media.contentType())
				|| media.size() > this.limits.attachmentMaxBytes()) {
			return Optional.empty();
		}
		try {
			return this.api.download(inbox.settings(), media.fileId(), this.limits.attachmentMaxBytes())
				.map(bytes -> new NewAttachment(media.fileName(), media.contentType(), bytes));
		}
		catch (DeliveryException ex) {
			log.warn("Could not download {} in inbox {}: {}", media.fileName(), inbox.id(), ex.getMessage());
			return Optional.empty();
		}
	}

	private void warn(InboxView inbox, String chatId) {
		String text = this.warning.due(inbox.id(), inbox.settings());
		if (text == null) {
			return;
		}
		try {
			this.api.sendMessage(inbox.settings(), Map.of("chat_id", chatId, "text", text));
		}
		catch (DeliveryException ex) {
			// The join is acknowledged anyway: Telegram would otherwise repeat the
			// update,
			// and the next join tries again.
			this.warning.failed(inbox.id());
			log.warn("Could not post the impersonator warning in inbox {}: {}", inbox.id(), ex.getMessage());
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim().replaceFirst("^@", "");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
