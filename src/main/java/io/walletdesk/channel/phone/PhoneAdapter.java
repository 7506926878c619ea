package io.walletdesk.channel.phone;

import io.walletdesk.channel.spi.ChannelAdapter;
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
	public String deliver(Outbound message) throws DeliveryException {
		throw new DeliveryException("A phone conversation has no text channel; call the customer back");
	}

}
