package io.walletdesk.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.ticket.ReplyDeliveryChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of each public reply on its way to the customer. {@code ReplyDelivery}
 * records {@code sending}, {@code sent} and {@code failed}; channels that hear back from
 * the customer's device (chat widget, in-app API) report {@code delivered} and
 * {@code read} here. States only move forward: a late "sent" never hides a "read".
 */
@Service
public class DeliveryReports {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	DeliveryReports(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * The customer's device or app confirmed it received the reply.
	 * @return whether the state changed
	 */
	@Transactional
	public boolean delivered(UUID messageId, Instant at) {
		return this.jdbc.sql("""
				update channel_delivery set status = 'delivered', delivered_at = coalesce(delivered_at, ?),
				       last_error = null
				where message_id = ? and status in ('sending', 'sent', 'failed')
				returning ticket_id""")
			.params(Timestamp.from(at), messageId)
			.query(UUID.class)
			.optional()
			.map(ticketId -> announce(ticketId, messageId, "delivered"))
			.isPresent();
	}

	/**
	 * The customer saw the reply (implies delivered).
	 * @return whether the state changed
	 */
	@Transactional
	public boolean read(UUID messageId, Instant at) {
		return this.jdbc.sql("""
				update channel_delivery set status = 'read', read_at = ?, delivered_at = coalesce(delivered_at, ?),
				       last_error = null
				where message_id = ? and status <> 'read'
				returning ticket_id""")
			.params(Timestamp.from(at), Timestamp.from(at), messageId)
			.query(UUID.class)
			.optional()
			.map(ticketId -> announce(ticketId, messageId, "read"))
			.isPresent();
	}

	/**
	 * The delivery state of every reply of a ticket that went to a channel, by message
	 * id. Replies of a channel ticket missing here are still queued.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, DeliveryStatus> ofTicket(UUID ticketId) {
		List<DeliveryStatus> rows = this.jdbc.sql("""
				select message_id, status, attempts, last_error, sent_at, delivered_at, read_at, next_attempt_at
				from channel_delivery where ticket_id = ?""")
			.param(ticketId)
			.query((rs, n) -> new DeliveryStatus(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
					instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))))
			.list();
		Map<UUID, DeliveryStatus> byMessage = new LinkedHashMap<>();
		rows.forEach(row -> byMessage.put(row.messageId(), row));
		return byMessage;
	}

	private UUID announce(UUID ticketId, UUID messageId, String state) {
		this.events.publishEvent(new ReplyDeliveryChanged(ticketId, messageId));
		return ticketId;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/**
	 * @param state {@code sending}, {@code sent}, {@code delivered}, {@code read} or
	 * {@code failed}
	 * @param lastError why the last attempt failed, for {@code failed}
	 * @param nextAttemptAt when a failed reply is tried again; null when it was given up
	 */
	public record DeliveryStatus(UUID messageId, String state, int attempts, String lastError, Instant sentAt,
			Instant deliveredAt, Instant readAt, Instant nextAttemptAt) {
	}

}
