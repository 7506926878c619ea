package io.walletdesk.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.ReplyDeliveryStates;

import org.springframework.stereotype.Component;

/**
 * Tells the ticket console what became of a ticket's replies, from the delivery table.
 */
@Component
class DeliveryStates implements ReplyDeliveryStates {

	private final ChannelIntake intake;

	private final DeliveryReports reports;

	private final ReplyDelivery delivery;

	private final InboxManagement inboxes;

	private final ChannelAdapters adapters;

	DeliveryStates(ChannelIntake intake, DeliveryReports reports, ReplyDelivery delivery, InboxManagement inboxes,
			ChannelAdapters adapters) {
		this.inboxes = inboxes;
		this.adapters = adapters;
		this.intake = intake;
		this.reports = reports;
		this.delivery = delivery;
	}

	/**
	 * The recorded states; none at all for tickets whose channel has no adapter.
	 */
	@Override
	public Deliveries ofTicket(UUID ticketId) {
		// Replies of a conversation whose channel has no adapter are never sent, so they
		// are not "queued" either.
		boolean delivered = this.intake.threadOf(ticketId)
			.flatMap(thread -> this.inboxes.find(thread.inboxId()))
			.flatMap(inbox -> this.adapters.forKind(inbox.kind()))
			.isPresent();
		if (!delivered) {
			return Deliveries.NONE;
		}
		Map<UUID, DeliveryState> states = new LinkedHashMap<>();
		this.reports.ofTicket(ticketId)
			.forEach((messageId, status) -> states.put(messageId,
					new DeliveryState(status.state(), status.attempts(), status.lastError(), status.sentAt(),
							status.deliveredAt(), status.readAt(), status.nextAttemptAt())));
		return new Deliveries(true, states);
	}

	/**
	 * Hands the reply to its inbox's delivery lane at once.
	 */
	@Override
	public void retryNow(UUID ticketId, UUID messageId, Actor by) {
		this.delivery.retryNow(ticketId, messageId, by);
	}

}
