package io.walletdesk.channel.spi;

import java.util.List;
import java.util.Optional;

import io.walletdesk.channel.InboxView;

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

	/**
	 * The settings an inbox of this kind accepts. When present, the inbox API and the
	 * admin pages refuse unknown settings and missing required ones; when empty (the
	 * default, for adapters that do not describe theirs) any settings are stored as
	 * given.
	 */
	default Optional<List<ChannelSetting>> settings() {
		return Optional.empty();
	}

	/**
	 * A live check of the inbox's connection to its channel, e.g. whether the channel
	 * still accepts its credentials. Called from a background job, at most once every few
	 * minutes per inbox, never on a page view; it should finish within seconds. The
	 * default checks nothing.
	 */
	default ChannelCheck health(InboxView inbox) {
		return ChannelCheck.ok();
	}

}
