package io.walletdesk.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA module's tables: policies, calendars, the policy each ticket runs under, its
 * timers and the notifications of warnings and breaches.
 */
@Repository
class SlaStore {

	private static final String POLICY = """
			select id, name, position, enabled, priority, channel, category, customer_tier, first_response_minutes,
			  next_response_minutes, periodic_update_minutes, resolution_minutes, calendar_id, actions
			from sla_policy""";

	private static final String CALENDAR = """
			select id, name, zone, always_open, hours::text as hours, holiday_region, extra_holidays::text as extra,
			  group_id, is_default, enabled
			from sla_calendar""";

	static final String TIMER = """
			select id, ticket_id, target, target_minutes, policy_name, started_at, due_at, warn_at, warned, state,
			  paused_at, remaining_seconds, paused_seconds, met_at, missed_at, group_id, assignee_id
			from sla_timer""";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	SlaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Policies

	List<SlaPolicy> policies() {
		return this.jdbc.sql(POLICY + " order by position, name").query(this::mapPolicy).list();
	}

	Optional<SlaPolicy> policy(UUID id) {
		return this.jdbc.sql(POLICY + " where id = ?").param(id).query(this::mapPolicy).optional();
	}

	void savePolicy(SlaPolicy p, boolean insert) {
		String sql = insert
				? """
						insert into sla_policy (name, position, enabled, priority, channel, category, customer_tier,
						  first_response_minutes, next_response_minutes, periodic_update_minutes, resolution_minutes, calendar_id,
						  actions, id)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
				: """
						update sla_policy set name = ?, position = ?, enabled = ?, priority = ?, channel = ?, category = ?,
						  customer_tier = ?, first_response_minutes = ?, next_response_minutes = ?, periodic_update_minutes = ?,
						  resolution_minutes = ?, calendar_id = ?, actions = ?
						where id = ?""";
		this.jdbc.sql(sql)
			.params(p.name(), p.position(), p.enabled(), p.priority(), p.channel(), p.category(), p.customerTier(),
					p.firstResponseMinutes(), p.nextResponseMinutes(), p.periodicUpdateMinutes(), p.resolutionMinutes(),
					p.calendarId(), String.join(",", p.actions()), p.id())
			.update();
	}

	boolean deletePolicy(UUID id) {
		return this.jdbc.sql("delete from sla_policy where id = ?").param(id).update() == 1;
	}

	boolean policyNameTaken(String name, UUID except) {
		return this.jdbc.sql("select count(*) from sla_policy where lower(name) = lower(?) and id <> ?")
			.params(name, except)
			.query(Long.class)
			.single() > 0;
	}

	private SlaPolicy mapPolicy(ResultSet rs, int row) throws SQLException {
		String actions = rs.getString("actions");
		return new SlaPolicy(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"),
				rs.getBoolean("enabled"), rs.getString("priority"), rs.getString("channel"), rs.getString("category"),
				rs.getString("customer_tier"), (Integer) rs.getObject("first_response_minutes"),
				(Integer) rs.getObject("next_response_minutes"), (Integer) rs.getObject("periodic_update_minutes"),
				(Integer) rs.getObject("resolution_minutes"), rs.getObject("calendar_id", UUID.class),
				actions.isBlank() ? List.of() : Arrays.asList(actions.split(",")));
	}

	// Calendars

	List<SlaCalendar> calendars() {
		return this.jdbc.sql(CALENDAR + " order by is_default desc, name").query(this::mapCalendar).list();
	}

	Optional<SlaCalendar> calendar(UUID id) {
		return this.jdbc.sql(CALENDAR + " where id = ?").param(id).query(this::mapCalendar).optional();
	}

	/** The enabled calendar of the group, else the enabled default calendar. */
	Optional<SlaCalendar> calendarFor(UUID groupId) {
		return this.jdbc.sql(CALENDAR + " where enabled and (group_id = ? or is_default) order by is_default limit 1")
			.param(groupId)
			.query(this::mapCalendar)
			.optional();
	}

	void saveCalendar(SlaCalendar c, boolean insert) {
		if (c.isDefault()) {
			// Only one default: the new one takes over.
			this.jdbc.sql("update sla_calendar set is_default = false where is_default and id <> ?")
				.param(c.id())
				.update();
		}
		String sql = insert ? """
				insert into sla_calendar (name, zone, always_open, hours, holiday_region, extra_holidays, group_id,
				  is_default, enabled, id)
				values (?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?)""" : """
				update sla_calendar set name = ?, zone = ?, always_open = ?, hours = cast(? as jsonb),
				  holiday_region = ?, extra_holidays = cast(? as jsonb), group_id = ?, is_default = ?, enabled = ?
				where id = ?""";
		this.jdbc.sql(sql)
			.params(c.name(), c.zone(), c.alwaysOpen(), this.json.writeValueAsString(c.hours()), c.holidayRegion(),
					this.json.writeValueAsString(c.extraHolidays().stream().map(LocalDate::toString).toList()),
					c.groupId(), c.isDefault(), c.enabled(), c.id())
			.update();
	}

	boolean deleteCalendar(UUID id) {
		return this.jdbc.sql("delete from sla_calendar where id = ?").param(id).update() == 1;
	}

	boolean calendarNameTaken(String name, UUID except) {
		return this.jdbc.sql("select count(*) from sla_calendar where lower(name) = lower(?) and id <> ?")
			.params(name, except)
			.query(Long.class)
			.single() > 0;
	}

	boolean groupCalendarTaken(UUID groupId, UUID except) {
		return this.jdbc.sql("select count(*) from sla_calendar where group_id = ? and id <> ?")
			.params(groupId, except)
			.query(Long.class)
			.single() > 0;
	}

	private SlaCalendar mapCalendar(ResultSet rs, int row) throws SQLException {
		Map<String, String> hours = this.json.readValue(rs.getString("hours"),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		List<String> extra = this.json.readValue(rs.getString("extra"), new TypeReference<List<String>>() {
		});
		return new SlaCalendar(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("zone"),
				rs.getBoolean("always_open"), hours, rs.getString("holiday_region"),
				extra.stream().map(LocalDate::parse).toList(), rs.getObject("group_id", UUID.class),
				rs.getBoolean("is_default"), rs.getBoolean("enabled"));
	}

	// Tickets and timers

	/**
	 * Serializes the SLA work on one ticket across threads and nodes until the
	 * transaction ends: events of a ticket may be handled in parallel.
	 */
	void lockTicket(UUID ticketId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 19))")
			.param(ticketId.toString())
			.query((rs, row) -> 1)
			.list();
	}

	Optional<TicketSla> ticket(UUID ticketId) {
		return this.jdbc.sql("select policy_id, policy_name, calendar_id, group_id from sla_ticket where ticket_id = ?")
			.param(ticketId)
			.query((rs, row) -> new TicketSla(rs.getObject("policy_id", UUID.class), rs.getString("policy_name"),
					rs.getObject("calendar_id", UUID.class), rs.getObject("group_id", UUID.class)))
			.optional();
	}

	void saveTicket(UUID ticketId, TicketSla sla, Instant at) {
		this.jdbc
			.sql("""
					insert into sla_ticket (ticket_id, policy_id, policy_name, calendar_id, group_id, updated_at)
					values (?, ?, ?, ?, ?, ?)
					on conflict (ticket_id) do update set policy_id = excluded.policy_id, policy_name = excluded.policy_name,
					  calendar_id = excluded.calendar_id, group_id = excluded.group_id, updated_at = excluded.updated_at""")
			.params(ticketId, sla.policyId(), sla.policyName(), sla.calendarId(), sla.groupId(), ts(at))
			.update();
	}

	/** All timers of a ticket, oldest first. */
	List<Timer> timers(UUID ticketId) {
		return this.jdbc.sql(TIMER + " where ticket_id = ? order by started_at, id")
			.param(ticketId)
			.query(Timer::read)
			.list();
	}

	/** The running (active or paused) timers of a ticket. */
	List<Timer> running(UUID ticketId) {
		return this.jdbc.sql(TIMER + " where ticket_id = ? and state in ('active', 'paused') order by target")
			.param(ticketId)
			.query(Timer::read)
			.list();
	}

	void insert(Timer t) {
		this.jdbc
			.sql("""
					insert into sla_timer (id, ticket_id, target, target_minutes, policy_name, started_at, due_at, warn_at, warned,
					  state, paused_at, remaining_seconds, paused_seconds, met_at, missed_at, group_id, assignee_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(t.id(), t.ticketId(), t.target(), t.targetMinutes(), t.policyName(), ts(t.startedAt()),
					ts(t.dueAt()), ts(t.warnAt()), t.warned(), t.state(), ts(t.pausedAt()), t.remainingSeconds(),
					t.pausedSeconds(), ts(t.metAt()), ts(t.missedAt()), t.groupId(), t.assigneeId())
			.update();
	}

	void update(Timer t) {
		this.jdbc
			.sql("""
					update sla_timer set target_minutes = ?, policy_name = ?, due_at = ?, warn_at = ?, warned = ?, state = ?,
					  paused_at = ?, remaining_seconds = ?, paused_seconds = ?, met_at = ?, missed_at = ?, group_id = ?,
					  assignee_id = ?
					where id = ?""")
			.params(t.targetMinutes(), t.policyName(), ts(t.dueAt()), ts(t.warnAt()), t.warned(), t.state(),
					ts(t.pausedAt()), t.remainingSeconds(), t.pausedSeconds(), ts(t.metAt()), ts(t.missedAt()),
					t.groupId(), t.assigneeId(), t.id())
			.update();
	}

	/** The timer run of a target with that deadline (what an event names). */
	Optional<Timer> timer(UUID ticketId, String target, Instant dueAt) {
		return this.jdbc.sql(TIMER + " where ticket_id = ? and target = ? and due_at = ? limit 1")
			.params(ticketId, target, ts(dueAt))
			.query(Timer::read)
			.optional();
	}

	void delete(UUID timerId) {
		this.jdbc.sql("delete from sla_timer where id = ?").param(timerId).update();
	}

	/** The earliest deadline of the ticket's active timers, or null. */
	Instant earliestActiveDue(UUID ticketId) {
		return this.jdbc.sql("select min(due_at) from sla_timer where ticket_id = ? and state = 'active'")
			.param(ticketId)
			.query((rs, row) -> {
				Timestamp at = rs.getTimestamp(1);
				return Optional.ofNullable(at == null ? null : at.toInstant());
			})
			.single()
			.orElse(null);
	}

	// Sweeps

	/**
	 * Claims active timers whose deadline has come, skipping rows another node holds, and
	 * marks them missed in the caller's transaction.
	 */
	List<Timer> claimDue(Instant now, int limit) {
		List<Timer> due = this.jdbc
			.sql(TIMER + " where state = 'active' and due_at <= ? order by due_at limit ? for update skip locked")
			.params(ts(now), limit)
			.query(Timer::read)
			.list();
		if (!due.isEmpty()) {
			this.jdbc.sql("update sla_timer set state = 'missed', missed_at = due_at where id = any(?)")
				.param(due.stream().map(Timer::id).toArray(UUID[]::new))
				.update();
		}
		return due;
	}

	/**
	 * Claims active, unwarned timers past their warning time and still before their
	 * deadline, and marks them warned in the caller's transaction.
	 */
	List<Timer> claimWarnings(Instant now, int limit) {
		List<Timer> due = this.jdbc
			.sql(TIMER + " where state = 'active' and not warned and warn_at <= ? and due_at > ?"
					+ " order by warn_at limit ? for update skip locked")
			.params(ts(now), ts(now), limit)
			.query(Timer::read)
			.list();
		if (!due.isEmpty()) {
			this.jdbc.sql("update sla_timer set warned = true where id = any(?)")
				.param(due.stream().map(Timer::id).toArray(UUID[]::new))
				.update();
		}
		return due;
	}

	// Reports

	SlaCompliance compliance(Instant from, Instant to, UUID groupId) {
		Map<String, SlaCompliance.Counts> counts = new LinkedHashMap<>();
		SlaPolicy.TARGETS.forEach(target -> counts.put(target, new SlaCompliance.Counts(0, 0)));
		this.jdbc
			.sql("""
					select target, count(*) filter (where state = 'met') as met, count(*) filter (where state = 'missed') as missed
					from sla_timer
					where state in ('met', 'missed') and due_at >= ? and due_at < ? and (cast(? as uuid) is null or group_id = ?)
					group by target""")
			.params(ts(from), ts(to), groupId, groupId)
			.query((rs, row) -> counts.put(rs.getString("target"),
					new SlaCompliance.Counts(rs.getLong("met"), rs.getLong("missed"))))
			.list();
		return new SlaCompliance(counts);
	}

	// Notifications

	/**
	 * @return true when stored, false when a replayed event had stored it before
	 */
	boolean notify(UUID recipientId, Timer timer, String kind, Instant at) {
		return this.jdbc.sql("""
				insert into sla_notification (id, recipient_id, ticket_id, timer_id, kind, target, due_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (timer_id, kind, recipient_id) do nothing""")
			.params(UUID.randomUUID(), recipientId, timer.ticketId(), timer.id(), kind, timer.target(),
					ts(timer.dueAt()), ts(at))
			.update() == 1;
	}

	List<Notification> notifications(UUID recipientId, int limit) {
		return this.jdbc.sql("""
				select id, ticket_id, kind, target, due_at, created_at, read_at from sla_notification
				where recipient_id = ? order by created_at desc limit ?""")
			.params(recipientId, limit)
			.query((rs, row) -> new Notification(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
					rs.getString("kind"), rs.getString("target"), rs.getTimestamp("due_at").toInstant(),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
			.list();
	}

	long unread(UUID recipientId) {
		return this.jdbc.sql("select count(*) from sla_notification where recipient_id = ? and read_at is null")
			.param(recipientId)
			.query(Long.class)
			.single();
	}

	/** Marks one notification (or all when {@code id} is null) of the recipient read. */
	int markRead(UUID recipientId, UUID id, Instant at) {
		return this.jdbc.sql("""
				update sla_notification set read_at = ? where recipient_id = ? and read_at is null
				  and (cast(? as uuid) is null or id = ?)""").params(ts(at), recipientId, id, id).update();
	}

	static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	record TicketSla(UUID policyId, String policyName, UUID calendarId, UUID groupId) {
	}

	record Notification(UUID id, UUID ticketId, String kind, String target, Instant dueAt, Instant createdAt,
			boolean read) {
	}

}
