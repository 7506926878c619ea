package io.walletdesk.channel.wechat;

import io.walletdesk.channel.spi.ChannelAdapter;
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

	private final WeChatApi api;

	WeChatAdapter(WeChatApi api) {
		this.api = api;
	}

	@Override
	public String id() {
		return "wechat";
	}

	@Override
	public String deliver(Outbound message) throws DeliveryException {
		this.api.sendText(message.settings(), message.recipient(), message.text());
		return null;
	}

}
