package io.walletdesk.channel.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.ChannelCheck;
import io.walletdesk.channel.spi.ChannelSetting;
import io.walletdesk.channel.spi.DeliveryException;
import io.walletdesk.channel.spi.Outbound;

import org.springframework.stereotype.Component;

/**
 * Sends agents' public replies with the Bot API's {@code sendMessage}: to the private
 * chat, or for a conversation started by a mention, to the official group with the
 * customer mentioned so that they are notified.
 */
@Component
class TelegramAdapter implements ChannelAdapter {

	/** Telegram's limit for one message's text, in UTF-16 code units. */
	static final int MAX_TEXT = 4096;

	private final TelegramBotApi api;

	TelegramAdapter(TelegramBotApi api) {
		this.api = api;
	}

	@Override
	public String id() {
		return "telegram";
	}

	@Override
	public Optional<List<ChannelSetting>> settings() {
		return Optional.of(List.of(
				ChannelSetting.secretEnv("botTokenEnv", true,
						"Environment variable holding the bot token that @BotFather issued."),
				ChannelSetting.secretEnv("secretTokenEnv", true,
						"Environment variable holding the secret_token given to setWebhook; Telegram sends it in every call."),
				ChannelSetting.text("botUsername", false,
						"The bot's username without @; in the official group, messages mentioning it become tickets."),
				ChannelSetting.number("officialGroupChatId", false,
						"Chat id of the official group (a negative number), if the bot is a member."),
				ChannelSetting.text("impersonatorWarning", false,
						"Text posted in the official group when new members join, warning of impersonators."),
				ChannelSetting.text("impersonatorWarningInterval", false,
						"Least time between two warnings, e.g. 1h or 30m.")));
	}

	/** Calls {@code getMe}: a revoked token is reported as expired credentials. */
	@Override
	public ChannelCheck health(InboxView inbox) {
		return this.api.getMe(inbox.settings());
	}

	@Override
	public String deliver(Outbound message) throws DeliveryException {
		List<Map<String, Object>> requests = requests(message.threadKey(), message.recipient(), message.ticketNumber(),
				message.text());
		String last = null;
		for (Map<String, Object> request : requests) {
			last = this.api.sendMessage(message.settings(), request);
		}
		return last;
	}

	/**
	 * The {@code sendMessage} requests for one reply: long replies are split at
	 * Telegram's limit; in a group the first part starts with the ticket number as a
	 * mention of the customer.
	 */
	static List<Map<String, Object>> requests(String threadKey, String recipient, String ticketNumber, String text) {
		String body = text == null ? "" : text;
		boolean group = threadKey.startsWith(TelegramUpdate.GROUP_THREAD);
		String chatId = group ? threadKey.substring(TelegramUpdate.GROUP_THREAD.length(), threadKey.lastIndexOf(':'))
				: threadKey;
		String label = group ? ticketNumber + ":" : null;
		if (label != null) {
			body = label + " " + body;
		}
		List<Map<String, Object>> requests = new ArrayList<>();
		int start = 0;
		do {
			int end = Math.min(body.length(), start + MAX_TEXT);
			if (end < body.length() && Character.isHighSurrogate(body.charAt(end - 1))) {
				end--;
			}
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("chat_id", chatId);
			request.put("text", body.substring(start, end));
			if (label != null && start == 0) {
				request.put("entities", List.of(Map.of("type", "text_mention", "offset", 0, "length",
						label.length() - 1, "user", Map.of("id", Long.parseLong(recipient)))));
			}
			requests.add(request);
			start = end;
		}
		while (start < body.length());
		return requests;
	}

}
