package io.walletdesk.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.ChannelCheck;
import io.walletdesk.channel.spi.ChannelSetting;
import io.walletdesk.channel.spi.DeliveryException;
import io.walletdesk.channel.spi.Outbound;

import org.springframework.stereotype.Component;

/**
 * Sends agents' public replies as customer-service text messages to the follower's
 * openid. WeChat accepts these only within 48 hours of the follower's last message; a
 * refusal is recorded and retried like any failed delivery.
 */
@Component
class WeChatAdapter implements ChannelAdapter {

	/** WeChat's limit for a customer-service text message, in UTF-8 bytes. */
	static final int MAX_BYTES = 2048;

	private final WeChatApi api;

	WeChatAdapter(WeChatApi api) {
		this.api = api;
	}

	@Override
	public String id() {
		return "wechat";
	}

	@Override
	public Optional<List<ChannelSetting>> settings() {
		return Optional.of(List.of(ChannelSetting.text("appId", true, "The official account's AppID (开发者ID)."),
				ChannelSetting.secretEnv("appSecretEnv", true,
						"Environment variable holding the AppSecret, used to fetch access tokens for replies."),
				ChannelSetting.secretEnv("tokenEnv", true,
						"Environment variable holding the server Token (令牌) entered in the server configuration."),
				ChannelSetting.secretEnv("encodingAesKeyEnv", false,
						"Environment variable holding the EncodingAESKey; required in safe (encrypted) mode."),
				ChannelSetting.text("welcomeText", false, "Passive reply sent to a new follower.")));
	}

	/** Fetches (or reuses) the access token: a refused secret is expired credentials. */
	@Override
	public ChannelCheck health(InboxView inbox) {
		return this.api.checkCredentials(inbox.settings());
	}

	@Override
	public String deliver(Outbound message) throws DeliveryException {
		for (String part : parts(message.text())) {
			this.api.sendText(message.settings(), message.recipient(), part);
		}
		return null;
	}

	/** The text in pieces of at most {@link #MAX_BYTES}, never splitting a character. */
	static List<String> parts(String text) {
		String body = text == null ? "" : text;
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < body.length();) {
			int codePoint = body.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int size = character.getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > MAX_BYTES) {
				parts.add(part.toString());
				part.setLength(0);
				bytes = 0;
			}
			part.append(character);
			bytes += size;
			i += Character.charCount(codePoint);
		}
		if (part.length() > 0 || parts.isEmpty()) {
			parts.add(part.toString());
		}
		return parts;
	}

}
