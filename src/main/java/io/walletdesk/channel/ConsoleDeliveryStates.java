package io.walletdesk.channel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.ticket.ReplyDeliveryStates;

import org.springframework.stereotype.Component;

/**
 * Tells the ticket console what became of each reply of a channel conversation.
 */
@Component
class ConsoleDeliveryStates implements ReplyDeliveryStates {

	private final ChannelIntake intake;

	private final DeliveryReports reports;

	ConsoleDeliveryStates(ChannelIntake intake, DeliveryReports reports) {
		this.intake = intake;
		this.reports = reports;
	}

	@Override
	public Optional<Map<UUID, DeliveryState>> ofTicket(UUID ticketId) {
		if (this.intake.threadOf(ticketId).isEmpty()) {
			return Optional.empty();
		}
		Map<UUID, DeliveryState> states = new LinkedHashMap<>();
		this.reports.ofTicket(ticketId)
			.forEach((messageId, status) -> states.put(messageId,
					new DeliveryState(status.state(), status.attempts(), status.lastError(), at(status))));
		return Optional.of(states);
	}

	private static Instant at(DeliveryReports.DeliveryStatus status) {
		return switch (status.state()) {
			case "read" -> status.readAt();
			case "delivered" -> status.deliveredAt();
			case "sent" -> status.sentAt();
			default -> null;
		};
	}

}
