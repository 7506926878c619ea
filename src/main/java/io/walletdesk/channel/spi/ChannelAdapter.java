package io.walletdesk.channel.spi;

/**
 * Delivers replies for one kind of inbox (email, telegram, ...). Inbound traffic reaches
 * the adapter through its own endpoint or poller, which hands every message to
 * {@link io.walletdesk.channel.ChannelIntake}.
 */
public interface ChannelAdapter {

	/**
	 * The stable kind this adapter serves, equal to the inbox kind, e.g. {@code email}.
	 */
	String id();

	/**
	 * Sends a public reply to the customer.
	 * @return the channel's id of the sent message, if it gives one
	 * @throws DeliveryException when the channel refused or could not be reached; the
	 * delivery is retried later
	 */
	String deliver(Outbound message) throws DeliveryException;

}
