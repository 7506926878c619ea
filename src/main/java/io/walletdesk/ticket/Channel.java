package io.walletdesk.ticket;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.walletdesk.platform.InvalidInputException;

/**
 * Where a message came from or goes to.
 */
public enum Channel {

	WEB_CHAT, IN_APP, EMAIL, TELEGRAM, WECHAT, PHONE, WEBHOOK, API, CONSOLE;

	/**
	 * Whether conversations on this channel are live chats, where the customer waits on
	 * the other side (web chat, in-app, Telegram, WeChat), rather than tickets answered
	 * in turn.
	 */
	public boolean isLiveChat() {
		return this == WEB_CHAT || this == IN_APP || this == TELEGRAM || this == WECHAT;
	}

	/** The identifier used in the API, the database and reports. */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException for an unknown identifier
	 */
	@JsonCreator
	public static Channel fromId(String id) {
		return Arrays.stream(values())
			.filter(value -> value.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("channel",
					"must be one of " + Arrays.stream(values()).map(Channel::id).toList()));
	}

}
