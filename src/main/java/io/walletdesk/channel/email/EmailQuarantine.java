package io.walletdesk.channel.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mail that did not become a ticket message, for admins to see: malformed or oversized
 * mail (an error), and automatic mail (auto-replies, bounces, lists) that is deliberately
 * not answered.
 */
@Component
class EmailQuarantine {

	static final String MALFORMED = "malformed";

	static final String TOO_LARGE = "too_large";

	static final String AUTOMATIC = "automatic";

	private final JdbcClient jdbc;

	private final Clock clock;

	EmailQuarantine(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void add(UUID inboxId, String reason, String error, String messageId, String sender, String subject,
			long sizeBytes) {
		this.jdbc.sql("""
				insert into channel_email_quarantine (id, inbox_id, reason, error, message_id, sender, subject,
				                                      size_bytes, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), inboxId, reason, error == null ? "unknown error" : error, cut(messageId, 998),
					cut(sender, 320), cut(subject, 300), sizeBytes, Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Mail set aside because of an error (automatic mail is not an error). */
	long errorCount() {
		return this.jdbc.sql("select count(*) from channel_email_quarantine where reason <> ?")
			.param(AUTOMATIC)
			.query(Long.class)
			.single();
	}

	long automaticCount() {
		return this.jdbc.sql("select count(*) from channel_email_quarantine where reason = ?")
			.param(AUTOMATIC)
			.query(Long.class)
			.single();
	}

	/** Mail of one inbox set aside because of an error. */
	long errorCount(UUID inboxId) {
		return this.jdbc.sql("select count(*) from channel_email_quarantine where inbox_id = ? and reason <> ?")
			.params(inboxId, AUTOMATIC)
			.query(Long.class)
			.single();
	}

	long automaticCount(UUID inboxId) {
		return this.jdbc.sql("select count(*) from channel_email_quarantine where inbox_id = ? and reason = ?")
			.params(inboxId, AUTOMATIC)
			.query(Long.class)
			.single();
	}

	List<QuarantinedMail> recent(int limit) {
		return this.jdbc.sql("""
				select id, inbox_id, reason, error, message_id, sender, subject, size_bytes, created_at
				from channel_email_quarantine order by created_at desc, id desc limit ?""")
			.param(limit)
			.query((rs, n) -> new QuarantinedMail(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
					rs.getTimestamp(9).toInstant()))
			.list();
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	/**
	 * One mail set aside; {@code reason} is {@code malformed}, {@code too_large} or
	 * {@code automatic}.
	 */
	record QuarantinedMail(UUID id, UUID inboxId, String reason, String error, String messageId, String sender,
			String subject, long sizeBytes, Instant createdAt) {
	}

}
