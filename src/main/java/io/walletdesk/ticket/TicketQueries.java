package io.walletdesk.ticket;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.platform.Cursor;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticket lists for the API and the console, straight from SQL with keyset pagination.
 * Only tickets the viewer may see are ever returned.
 */
@Service
public class TicketQueries {

	private static final String COLUMNS = """
			t.id, t.number, t.subject, t.status, t.priority, t.category, t.channel, t.requester_id, t.assignee_id,
			t.group_id, t.tags, t.created_at, t.updated_at, t.first_response_at, t.solved_at, t.closed_at,
			t.last_customer_message_at, t.last_agent_message_at, t.sentiment, t.language""";

	private final JdbcClient jdbc;

	private final TicketTallies tallies;

	TicketQueries(JdbcClient jdbc, TicketTallies tallies) {
		this.tallies = tallies;
		this.jdbc = jdbc;
	}

	/**
	 * One page of tickets matching the filter, newest first (or in queue order), visible
	 * to the viewer.
	 */
	@Transactional(readOnly = true)
	public Page<TicketView> list(TicketFilter filter, AgentPrincipal viewer, String cursor, int limit) {
		if (limit < 1 || limit > 200) {
			throw new InvalidInputException("limit", "must be between 1 and 200");
		}
		StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from ticket t where true");
		List<Object> params = new ArrayList<>();
		where(filter, viewer, sql, params);
		if (filter.order() == TicketFilter.Order.URGENT_FIRST) {
			// Queue order pages by position, which is fine for a bounded working queue.
			// Within a priority, a security incident goes first (funds may be draining),
			// then the nearest service-level deadline, then the longest wait, and an
			// anxious customer's
			// wait
			// counts half as much again, an angry one's double: the longer they wait, the
			// further they move up.
			int offset = cursor == null || cursor.isBlank() ? 0 : parseOffset(cursor);
			sql.append(
					" order by case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end,"
							+ " case t.category when 'security_incident' then 0 else 1 end,"
							+ " t.sla_due_at nulls last, coalesce(t.last_customer_message_at, t.created_at)"
							+ " - (now() - coalesce(t.last_customer_message_at, t.created_at))"
							+ " * case t.sentiment when 'angry' then 1.0 when 'anxious' then 0.5 else 0 end,"
							+ " t.id limit ? offset ?");
			params.add(limit + 1);
			params.add(offset);
			List<TicketView> rows = this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
			boolean more = rows.size() > limit;
			return new Page<>(more ? rows.subList(0, limit) : rows, more ? "o" + (offset + limit) : null);
		}
		if (cursor != null && !cursor.isBlank()) {
			Cursor after = Cursor.decode(cursor);
			sql.append(" and (t.created_at, t.id) < (?, ?)");
			params.add(Timestamp.from(after.createdAt()));
			params.add(after.id());
		}
		sql.append(" order by t.created_at desc, t.id desc limit ?");
		params.add(limit + 1);
		List<TicketView> rows = this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
		boolean more = rows.size() > limit;
		List<TicketView> page = more ? rows.subList(0, limit) : rows;
		TicketView last = page.isEmpty() ? null : page.get(page.size() - 1);
		return new Page<>(page, more ? new Cursor(last.createdAt(), last.id()).encode() : null);
	}

	/**
	 * How many visible tickets match each of the given filters, for inbox counters.
	 */
	@Transactional(readOnly = true)
	public long count(TicketFilter filter, AgentPrincipal viewer) {
		StringBuilder sql = new StringBuilder("select count(*) from ticket t where true");
		List<Object> params = new ArrayList<>();
		where(filter, viewer, sql, params);
		return this.jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	private static int parseOffset(String cursor) {
		try {
			return Integer.parseInt(cursor.substring(1));
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("cursor", "is not a valid cursor");
		}
	}

	private static void where(TicketFilter filter, AgentPrincipal viewer, StringBuilder sql, List<Object> params) {
		if (!viewer.seesAllTickets()) {
			sql.append(" and (t.group_id is null or t.assignee_id = ?");
			params.add(viewer.id());
			if (!viewer.groupIds().isEmpty()) {
				sql.append(" or t.group_id = any(?)");
				params.add(viewer.groupIds().toArray(UUID[]::new));
			}
			sql.append(')');
		}
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			sql.append(" and t.status = any(?)");
			params.add(filter.statuses().stream().map(TicketStatus::id).toArray(String[]::new));
		}
		if (filter.priorities() != null && !filter.priorities().isEmpty()) {
			sql.append(" and t.priority = any(?)");
			params.add(filter.priorities().stream().map(Priority::id).toArray(String[]::new));
		}
		if (filter.category() != null) {
			sql.append(" and t.category = ?");
			params.add(filter.category().id());
		}
		if (filter.unassigned()) {
			sql.append(" and t.assignee_id is null");
		}
		else if (filter.assigneeId() != null) {
			sql.append(" and t.assignee_id = ?");
			params.add(filter.assigneeId());
		}
		if (filter.groupId() != null) {
			sql.append(" and t.group_id = ?");
			params.add(filter.groupId());
		}
		if (filter.channel() != null) {
			sql.append(" and t.channel = ?");
			params.add(filter.channel().id());
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			sql.append(" and t.tags @> array[?]::text[]");
			params.add(filter.tag().trim().toLowerCase());
		}
		if (filter.requesterId() != null) {
			sql.append(" and t.requester_id = ?");
			params.add(filter.requesterId());
		}
		if (filter.createdFrom() != null) {
			sql.append(" and t.created_at >= ?");
			params.add(Timestamp.from(filter.createdFrom()));
		}
		if (filter.createdTo() != null) {
			sql.append(" and t.created_at < ?");
			params.add(Timestamp.from(filter.createdTo()));
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			String like = "%" + filter.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			sql.append(" and (t.subject ilike ? or exists (select 1 from ticket_message m where m.ticket_id = t.id"
					+ " and m.body ilike ?)");
			params.add(like);
			params.add(like);
			String number = filter.q().trim().toUpperCase();
			if (number.matches("(WD-)?\\d{1,12}")) {
				sql.append(" or t.number = ?");
				params.add(Long.parseLong(number.replace("WD-", "")));
			}
			sql.append(')');
		}
	}

	private TicketView map(ResultSet rs, int row) throws SQLException {
		String category = rs.getString("category");
		return new TicketView(rs.getObject("id", UUID.class), Ticket.formatNumber(rs.getLong("number")),
				rs.getString("subject"), TicketStatus.fromId(rs.getString("status")),
				Priority.fromId(rs.getString("priority")), category == null ? null : Category.fromId(category),
				Channel.fromId(rs.getString("channel")), rs.getObject("requester_id", UUID.class),
				rs.getObject("assignee_id", UUID.class), rs.getObject("group_id", UUID.class),
				tags(rs.getArray("tags")), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "first_response_at"), instant(rs, "solved_at"), instant(rs, "closed_at"),
				instant(rs, "last_customer_message_at"), instant(rs, "last_agent_message_at"),
				rs.getString("sentiment") == null ? null : Sentiment.fromId(rs.getString("sentiment")),
				rs.getString("language"));
	}

	private static LinkedHashSet<String> tags(Array array) throws SQLException {
		return array == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/**
	 * The navigation's counters of active tickets visible to the viewer: theirs
	 * ({@code mine}), nobody's ({@code unassigned}), {@code urgent} ones, all of them
	 * ({@code open}), and per group ({@code group:<id>}). Summed from the incrementally
	 * kept tallies, never counted over the tickets.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> activeCounts(AgentPrincipal viewer) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		counts.put("mine", 0L);
		counts.put("unassigned", 0L);
		counts.put("urgent", 0L);
		counts.put("open", 0L);
		for (QueueTally tally : this.tallies.read()) {
			if (!visible(tally, viewer)) {
				continue;
			}
			if (viewer.id().equals(tally.assigneeId())) {
				counts.merge("mine", tally.tickets(), Long::sum);
			}
			if (tally.assigneeId() == null) {
				counts.merge("unassigned", tally.tickets(), Long::sum);
			}
			if (tally.priority() == Priority.URGENT) {
				counts.merge("urgent", tally.tickets(), Long::sum);
			}
			counts.merge("open", tally.tickets(), Long::sum);
			if (tally.groupId() != null) {
				counts.merge("group:" + tally.groupId(), tally.tickets(), Long::sum);
			}
		}
		return counts;
	}

	private static boolean visible(QueueTally tally, AgentPrincipal viewer) {
		return viewer.seesAllTickets() || tally.groupId() == null || viewer.id().equals(tally.assigneeId())
				|| viewer.groupIds().contains(tally.groupId());
	}

	/**
	 * Every bucket of active tickets with its count, from the incrementally kept tallies:
	 * queue counters per group and agents' load are sums over them.
	 */
	@Transactional(readOnly = true)
	public List<QueueTally> tallies() {
		return this.tallies.read();
	}

	/**
	 * What each agent holds: live chats and other tickets assigned to them that are not
	 * solved or closed, from the incrementally kept tallies. Agents who hold nothing are
	 * absent.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Workload> workloads() {
		Map<UUID, long[]> counts = new java.util.HashMap<>();
		for (QueueTally tally : this.tallies.read()) {
			if (tally.assigneeId() != null) {
				counts.computeIfAbsent(tally.assigneeId(), id -> new long[2])[tally.channel().isLiveChat() ? 0
						: 1] += tally.tickets();
			}
		}
		Map<UUID, Workload> workloads = new java.util.HashMap<>();
		counts.forEach((agent, pair) -> workloads.put(agent, new Workload(agent, (int) pair[0], (int) pair[1])));
		return workloads;
	}

	/**
	 * How many tickets were created in each UTC hour from {@code from} (inclusive) to
	 * {@code to} (exclusive), keyed by the hour's start; hours without tickets are
	 * absent. Served by the created-at index.
	 */
	@Transactional(readOnly = true)
	public Map<java.time.Instant, Long> arrivalsPerHour(java.time.Instant from, java.time.Instant to) {
		Map<java.time.Instant, Long> arrivals = new java.util.TreeMap<>();
		this.jdbc
			.sql("select date_trunc('hour', created_at at time zone 'UTC') as hour, count(*) from ticket"
					+ " where created_at >= ? and created_at < ? group by 1")
			.params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
			.query((rs, row) -> arrivals
				.put(rs.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC), rs.getLong(2)))
			.list();
		return arrivals;
	}

	static java.util.Set<TicketStatus> active() {
		return java.util.EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD);
	}

}
