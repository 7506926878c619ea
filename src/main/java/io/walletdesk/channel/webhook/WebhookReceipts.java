package io.walletdesk.channel.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.channel.DeliveryReports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery and read receipts a bridge reports for replies it received.
 */
@Component
class WebhookReceipts {

	private final DeliveryReports reports;

	private final JdbcClient jdbc;

	WebhookReceipts(DeliveryReports reports, JdbcClient jdbc) {
		this.reports = reports;
		this.jdbc = jdbc;
	}

	/**
	 * @return the reply's delivery state after the receipt, or empty when no reply with
	 * this id went out through this inbox
	 */
	@Transactional
	Optional<String> report(UUID inboxId, UUID deliveryId, String state, Instant at) {
		Optional<String> current = state(inboxId, deliveryId);
		if (current.isEmpty()) {
			return current;
		}
		if ("read".equals(state)) {
			this.reports.read(deliveryId, at);
		}
		else {
			this.reports.delivered(deliveryId, at);
		}
		return state(inboxId, deliveryId);
	}

	private Optional<String> state(UUID inboxId, UUID deliveryId) {
		return this.jdbc.sql("select status from channel_delivery where message_id = ? and inbox_id = ?")
			.params(deliveryId, inboxId)
			.query(String.class)
			.optional();
	}

}
