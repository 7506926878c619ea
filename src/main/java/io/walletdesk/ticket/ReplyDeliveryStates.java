package io.walletdesk.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What became of the public replies of a ticket on their way to the customer's channel.
 * The ticket module only reads it for the console and the API; the module that delivers
 * replies implements it, so the ticket module needs no knowledge of channels.
 */
public interface ReplyDeliveryStates {

	/**
	 * The delivery of the ticket's public replies.
	 * @return {@link Deliveries#NONE} when the ticket did not come through a channel that
	 * replies are sent to
	 */
	Deliveries ofTicket(UUID ticketId);

	/**
	 * Sends a failed reply again now, whatever its backoff says, and starts a new round
	 * of attempts.
	 * @throws IllegalStateException when the reply has not failed
	 * @throws io.walletdesk.platform.NotFoundException when the reply has no delivery
	 */
	void retryNow(UUID ticketId, UUID messageId, Actor by);

	/**
	 * One reply's delivery.
	 *
	 * @param state {@code queued}, {@code sending}, {@code sent}, {@code delivered},
	 * {@code read} or {@code failed}
	 * @param attempts how often it was handed to the channel
	 * @param lastError why the last attempt failed
	 * @param nextAttemptAt when a failed reply is tried again; null when no further
	 * automatic attempt will be made
	 */
	record DeliveryState(String state, int attempts, String lastError, Instant sentAt, Instant deliveredAt,
			Instant readAt, Instant nextAttemptAt) {

		public static final DeliveryState QUEUED = new DeliveryState("queued", 0, null, null, null, null, null);

		public boolean failed() {
			return "failed".equals(this.state);
		}

		/** Failed and no further automatic attempt will be made. */
		public boolean gaveUp() {
			return failed() && this.nextAttemptAt == null;
		}

	}

	/**
	 * The deliveries of one ticket.
	 *
	 * @param channel whether the ticket's replies go to a channel at all
	 * @param byMessage the recorded states by message id; public replies missing here are
	 * queued
	 */
	record Deliveries(boolean channel, Map<UUID, DeliveryState> byMessage) {

		public static final Deliveries NONE = new Deliveries(false, Map.of());

		/**
		 * The state of one message, or null for messages that are not delivered to a
		 * channel (customer messages, notes, tickets without a channel).
		 */
		public DeliveryState of(TicketView.MessageView message) {
			if (!this.channel || message.authorKind() == AuthorKind.CUSTOMER
					|| message.visibility() != Visibility.PUBLIC) {
				return null;
			}
			return this.byMessage.getOrDefault(message.id(), DeliveryState.QUEUED);
		}

	}

}
