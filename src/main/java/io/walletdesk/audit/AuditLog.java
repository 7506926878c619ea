package io.walletdesk.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.walletdesk.platform.Cursor;
import io.walletdesk.platform.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the audit log. Entries are written in the caller's transaction, so
 * an audited change and its record commit or roll back together; callers must never put a
 * secret into {@code detail}.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String kind, String actorKind, UUID actorId, String actorName, UUID ticketId, String detail) {
		insert(kind, actorKind, actorId, actorName, ticketId, detail);
	}

	/**
	 * Records an event that must be kept even when the caller's work is refused (a
	 * blocked reply).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordIndependently(String kind, String actorKind, UUID actorId, String actorName, UUID ticketId,
			String detail) {
		insert(kind, actorKind, actorId, actorName, ticketId, detail);
	}

	private void insert(String kind, String actorKind, UUID actorId, String actorName, UUID ticketId, String detail) {
		this.jdbc.sql("""
				insert into audit_entry (id, at, kind, actor_kind, actor_id, actor_name, ticket_id, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), Timestamp.from(this.clock.instant()), kind, actorKind, actorId, actorName,
					ticketId, detail == null ? "" : detail)
			.update();
	}

	/**
	 * Newest first, optionally only one kind or one ticket.
	 */
	@Transactional(readOnly = true)
	public Page<AuditEntry> list(String kind, UUID ticketId, String cursor, int limit) {
		StringBuilder sql = new StringBuilder(
				"select id, at, kind, actor_kind, actor_id, actor_name, ticket_id, detail from audit_entry where true");
		List<Object> params = new ArrayList<>();
		if (kind != null && !kind.isBlank()) {
			sql.append(" and kind = ?");
			params.add(kind);
		}
		if (ticketId != null) {
			sql.append(" and ticket_id = ?");
			params.add(ticketId);
		}
		if (cursor != null && !cursor.isBlank()) {
			Cursor after = Cursor.decode(cursor);
			sql.append(" and (at, id) < (?, ?)");
			params.add(Timestamp.from(after.createdAt()));
			params.add(after.id());
		}
		sql.append(" order by at desc, id desc limit ?");
		params.add(limit + 1);
		List<AuditEntry> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new AuditEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
					rs.getString("kind"), rs.getString("actor_kind"), rs.getObject("actor_id", UUID.class),
					rs.getString("actor_name"), rs.getObject("ticket_id", UUID.class), rs.getString("detail")))
			.list();
		boolean more = rows.size() > limit;
		List<AuditEntry> page = more ? rows.subList(0, limit) : rows;
		AuditEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
		return new Page<>(page, more ? new Cursor(last.at(), last.id()).encode() : null);
	}

}
