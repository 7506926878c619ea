package io.walletdesk.channel.app;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer message as the wallet's app sends it to {@code POST
 * /channels/app/{inboxKey}/messages}.
 *
 * @param messageId the app's id of the message; a second message with the same id is a
 * retry and is not stored again
 * @param userId the app's id of its user, the customer's handle (identity kind
 * {@code app_user})
 * @param appVersion the app's version, e.g. {@code 4.2.1}
 * @param os the operating system, e.g. {@code iOS 17.4} or {@code android}
 * @param walletAddresses addresses of the user's wallets in the app
 * @param attachments files, base64-encoded; the ticket limits for type and size apply
 * @param verifiedEmail an e-mail address the app's backend has verified for this user:
 * joins the user with the customer who writes from it
 * @param verifiedPhone a phone number (E.164) the app's backend has verified, likewise
 */
record AppMessage(@NotBlank @Size(max = 128) @Pattern(regexp = ID, message = ID_MESSAGE) String messageId,
		@NotBlank @Size(max = 128) @Pattern(regexp = ID, message = ID_MESSAGE) String userId,
		@Size(max = 200) String userName,
		@Size(max = 35) @Pattern(regexp = LANGUAGE, message = "must be a BCP-47 language tag") String language,
		@NotBlank @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z.+_-]*",
				message = "must be a version such as 4.2.1") String appVersion,
		@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z][A-Za-z0-9 ._()-]*",
				message = "must be an operating system name such as iOS 17.4") String os,
		@Size(max = 20) List<@NotNull @Valid WalletAddress> walletAddresses, @Size(max = 300) String subject,
		String text, @Size(max = 10) List<@NotNull @Valid Attachment> attachments,
		@Size(max = 254) @jakarta.validation.constraints.Email String verifiedEmail,
		@Pattern(regexp = "\\+[1-9][0-9]{6,14}",
				message = "must be an E.164 number such as +8613800138000") String verifiedPhone) {

	static final String ID = "[A-Za-z0-9._:@+-]+";

	static final String ID_MESSAGE = "must be letters, digits or . _ : @ + -";

	static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";

	/**
	 * @param chain a lowercase chain name: {@code ethereum} (or another EVM chain),
	 * {@code tron}, {@code bitcoin}, {@code solana}, ...
	 */
	record WalletAddress(
			@NotBlank @Size(max = 32) @Pattern(regexp = "[a-z0-9-]+",
					message = "must be a lowercase chain name such as ethereum") String chain,
			@NotBlank @Size(max = 128) String address) {
	}

	/**
	 * @param base64 the file's content, standard base64
	 */
	record Attachment(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 100) String contentType,
			@NotBlank String base64) {
	}

}
