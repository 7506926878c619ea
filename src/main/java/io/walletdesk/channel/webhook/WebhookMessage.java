package io.walletdesk.channel.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer message as a bridge sends it to {@code POST
 * /channels/webhook/{inboxKey}/messages}.
 *
 * @param messageId the platform's id of the message; a second message with the same id is
 * a retry and is not stored again
 * @param conversationId the platform's conversation (chat, thread); messages with the
 * same id continue the same ticket until it is closed
 * @param sentAt when the customer sent it on the platform (ISO-8601), else now
 */
record WebhookMessage(@NotBlank @Size(max = 128) @Pattern(regexp = ID, message = ID_MESSAGE) String messageId,
		@NotBlank @Size(max = 256) @Pattern(regexp = ID, message = ID_MESSAGE) String conversationId,
		@NotNull @Valid Sender sender,
		@Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*",
				message = "must be a BCP-47 language tag") String language,
		@Size(max = 300) String subject, String text, String html, String sentAt) {

	static final String ID = "[\\p{L}\\p{N}._:@+=/-]+";

	static final String ID_MESSAGE = "must be letters, digits or . _ : @ + = / -";

	/**
	 * @param id the sender's handle on the platform: an e-mail address for {@code email},
	 * a phone number for {@code phone}, any id for {@code other}
	 * @param kind {@code email}, {@code phone} or {@code other} (default)
	 */
	record Sender(@NotBlank @Size(max = 128) String id, @Size(max = 200) String name,
			@Pattern(regexp = "email|phone|other", message = "must be email, phone or other") String kind) {
	}

}
