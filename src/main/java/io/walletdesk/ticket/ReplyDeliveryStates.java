package io.walletdesk.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What became of a ticket's public replies on the customer's channel, for the console.
 * Implemented by the channel module (which depends on this one, not the other way round);
 * absent when no channel module runs.
 */
public interface ReplyDeliveryStates {

	/**
	 * The delivery state of each public reply of a ticket by message id, or empty when
	 * the ticket's replies do not go out through a channel (a ticket opened in the
	 * console or the API). A public reply missing from the map is still queued.
	 */
	Optional<Map<UUID, DeliveryState>> ofTicket(UUID ticketId);

	/**
	 * @param state {@code sending}, {@code sent}, {@code delivered}, {@code read} or
	 * {@code failed}
	 * @param lastError why the last attempt failed
	 * @param at when the reply reached its current state (null while sending or failed)
	 */
	record DeliveryState(String state, int attempts, String lastError, Instant at) {

		public static final DeliveryState QUEUED = new DeliveryState("queued", 0, null, null);

		public boolean failed() {
			return "failed".equals(this.state);
		}

	}

}
