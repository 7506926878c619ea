package io.walletdesk.channel.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which ticket each Message-ID (inbound and outbound) belongs to, and who took part in a
 * ticket's mail thread.
 */
@Component
class EmailThreads {

	private final JdbcClient jdbc;

	private final Clock clock;

	EmailThreads(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean known(UUID inboxId, String messageId) {
		return this.jdbc.sql("select count(*) from channel_email_message where inbox_id = ? and message_id = ?")
			.params(inboxId, messageId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The most recent ticket one of these Message-IDs belongs to. */
	Optional<Known> latest(UUID inboxId, Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select ticket_id, root_id from channel_email_message
				where inbox_id = :inbox and message_id in (:ids) order by created_at desc limit 1""")
			.param("inbox", inboxId)
			.param("ids", messageIds)
			.query((rs, n) -> new Known(rs.getObject(1, UUID.class), rs.getString(2)))
			.optional();
	}

	/** The most recent ticket with this number that came through this inbox. */
	Optional<Known> byNumber(UUID inboxId, String ticketNumber) {
		return this.jdbc.sql("""
				select ticket_id, root_id from channel_email_message
				where inbox_id = ? and ticket_number = ? order by created_at desc limit 1""")
			.params(inboxId, ticketNumber)
			.query((rs, n) -> new Known(rs.getObject(1, UUID.class), rs.getString(2)))
			.optional();
	}

	/** A ticket's Message-IDs, oldest first. */
	List<Entry> ofTicket(UUID ticketId) {
		return this.jdbc.sql("""
				select message_id, direction, root_id from channel_email_message
				where ticket_id = ? order by created_at, id""")
			.param(ticketId)
			.query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	void record(UUID inboxId, String messageId, String direction, UUID ticketId, String ticketNumber, String rootId) {
		this.jdbc.sql("""
				insert into channel_email_message (id, inbox_id, message_id, direction, ticket_id, ticket_number,
				                                   root_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(UUID.randomUUID(), inboxId, messageId, direction, ticketId, ticketNumber, rootId,
					Timestamp.from(this.clock.instant()))
			.update();
	}

	void addParticipants(UUID ticketId, Collection<String> addresses) {
		for (String address : addresses) {
			this.jdbc
				.sql("insert into channel_email_participant (ticket_id, address) values (?, ?) on conflict do nothing")
				.params(ticketId, address)
				.update();
		}
	}

	List<String> participants(UUID ticketId) {
		return this.jdbc.sql("select address from channel_email_participant where ticket_id = ? order by address")
			.param(ticketId)
			.query(String.class)
			.list();
	}

	boolean isParticipant(UUID ticketId, String address) {
		return this.jdbc.sql("select count(*) from channel_email_participant where ticket_id = ? and address = ?")
			.params(ticketId, address)
			.query(Integer.class)
			.single() > 0;
	}

	record Known(UUID ticketId, String rootId) {
	}

	record Entry(String messageId, String direction, String rootId) {
	}

}
