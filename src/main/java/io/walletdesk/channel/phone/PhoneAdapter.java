package io.walletdesk.channel.phone;

import java.util.List;
import java.util.Optional;

import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.ChannelSetting;
import io.walletdesk.channel.spi.DeliveryException;
import io.walletdesk.channel.spi.Outbound;

import org.springframework.stereotype.Component;

/**
 * Makes {@code phone} an inbox kind. A phone conversation has no text channel back to the
 * caller: it is never entered as a channel thread, so reply delivery does not call this
 * adapter, and agents answer by calling back and logging that call.
 */
@Component
class PhoneAdapter implements ChannelAdapter {

	static final String KIND = "phone";

	@Override
	public String id() {
		return KIND;
	}

	@Override
	public Optional<List<ChannelSetting>> settings() {
		return Optional.of(List.of(
				ChannelSetting.secretEnv("secretEnv", false,
						"Environment variable holding the secret the telephony system signs CTI events with."),
				ChannelSetting.text("extensions", false,
						"Agents' extensions for CTI events, e.g. 101=alice,102=bob (username or e-mail)."),
				ChannelSetting.number("defaultCountryCode", false,
						"Country calling code for numbers written without one, e.g. 86.")));
	}

	@Override
	public String deliver(Outbound message) throws DeliveryException {
		throw new DeliveryException("A phone conversation has no text channel; call the customer back");
	}

}
