package io.walletdesk.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of one target on one ticket. The moves are named and return the changed timer.
 *
 * <p>
 * The deadline itself counts as missed: a timer is met only when its work happens
 * strictly before {@code dueAt}, and the sweep marks it missed once {@code dueAt <= now}.
 * The two rules agree, so a reply and a sweep at the same instant never disagree.
 *
 * @param remainingSeconds business seconds left, while paused
 * @param pausedSeconds business seconds spent paused so far
 */
record Timer(UUID id, UUID ticketId, String target, int targetMinutes, String policyName, Instant startedAt,
		Instant dueAt, Instant warnAt, boolean warned, String state, Instant pausedAt, Long remainingSeconds,
		long pausedSeconds, Instant metAt, Instant missedAt, UUID groupId, UUID assigneeId) {

	static final String ACTIVE = "active";

	static final String PAUSED = "paused";

	static final String MET = "met";

	static final String MISSED = "missed";

	static Timer start(UUID ticketId, String target, int minutes, String policyName, Instant startedAt,
			BusinessCalendar calendar, UUID groupId, UUID assigneeId) {
		Duration length = Duration.ofMinutes(minutes);
		return new Timer(UUID.randomUUID(), ticketId, target, minutes, policyName, startedAt,
				calendar.add(startedAt, length), calendar.add(startedAt, warnAfter(length)), false, ACTIVE, null, null,
				0, null, null, groupId, assigneeId);
	}

	/** Three quarters of the target. */
	static Duration warnAfter(Duration length) {
		return length.multipliedBy(3).dividedBy(4);
	}

	boolean running() {
		return ACTIVE.equals(this.state) || PAUSED.equals(this.state);
	}

	/**
	 * The work the target waits for happened at {@code at}: met when before the deadline,
	 * else missed (recorded late on a timer the sweep already marked missed).
	 */
	Timer complete(Instant at) {
		if (MISSED.equals(this.state)) {
			return this.metAt != null ? this
					: with(MISSED, this.dueAt, this.warnAt, this.warned, null, null, at, this.missedAt);
		}
		if (at.isBefore(this.dueAt) || PAUSED.equals(this.state)) {
			return with(MET, this.dueAt, this.warnAt, this.warned, null, null, at, null);
		}
		return with(MISSED, this.dueAt, this.warnAt, this.warned, null, null, at, this.dueAt);
	}

	/** Stops the clock while the ticket waits on the customer. */
	Timer pause(Instant at, BusinessCalendar calendar) {
		if (!ACTIVE.equals(this.state)) {
			return this;
		}
		long remaining = calendar.between(at, this.dueAt).toSeconds();
		return with(PAUSED, this.dueAt, this.warnAt, this.warned, at, remaining, null, null);
	}

	/** Runs the clock again with the business time that was left. */
	Timer resume(Instant at, BusinessCalendar calendar) {
		if (!PAUSED.equals(this.state)) {
			return this;
		}
		long paused = this.pausedSeconds + calendar.between(this.pausedAt, at).toSeconds();
		Duration remaining = Duration.ofSeconds(this.remainingSeconds);
		Instant due = calendar.add(at, remaining);
		Duration untilWarning = remaining.minus(Duration.ofMinutes(this.targetMinutes).dividedBy(4));
		Instant warn = untilWarning.isNegative() ? at : calendar.add(at, untilWarning);
		return new Timer(this.id, this.ticketId, this.target, this.targetMinutes, this.policyName, this.startedAt, due,
				warn, this.warned, ACTIVE, null, null, paused, null, null, this.groupId, this.assigneeId);
	}

	/**
	 * The same run under another target length or calendar, counted from the original
	 * start (the business time spent paused still does not count).
	 */
	Timer recompute(int minutes, String policyName, BusinessCalendar calendar, Instant now) {
		Duration length = Duration.ofMinutes(minutes).plusSeconds(this.pausedSeconds);
		Instant due = calendar.add(this.startedAt, length);
		Instant warn = calendar.add(this.startedAt,
				warnAfter(Duration.ofMinutes(minutes)).plusSeconds(this.pausedSeconds));
		Timer base = new Timer(this.id, this.ticketId, this.target, minutes, policyName, this.startedAt, due, warn,
				this.warned, ACTIVE, null, null, this.pausedSeconds, null, null, this.groupId, this.assigneeId);
		if (PAUSED.equals(this.state)) {
			// Still paused: keep what is left of the new length at the moment it paused.
			long used = calendar.between(this.startedAt, this.pausedAt).toSeconds() - this.pausedSeconds;
			long remaining = Math.max(0, length.toSeconds() - this.pausedSeconds - used);
			return new Timer(this.id, this.ticketId, this.target, minutes, policyName, this.startedAt,
					calendar.add(now, Duration.ofSeconds(remaining)), warn, this.warned, PAUSED, this.pausedAt,
					remaining, this.pausedSeconds, null, null, this.groupId, this.assigneeId);
		}
		return base;
	}

	Timer assignedTo(UUID assignee, UUID group) {
		return new Timer(this.id, this.ticketId, this.target, this.targetMinutes, this.policyName, this.startedAt,
				this.dueAt, this.warnAt, this.warned, this.state, this.pausedAt, this.remainingSeconds,
				this.pausedSeconds, this.metAt, this.missedAt, group, assignee);
	}

	/**
	 * The deadline the API shows: while paused, when it would be due if the clock ran
	 * again now.
	 */
	Instant shownDue(Instant now, BusinessCalendar calendar) {
		return PAUSED.equals(this.state) ? calendar.add(now, Duration.ofSeconds(this.remainingSeconds)) : this.dueAt;
	}

	private Timer with(String state, Instant due, Instant warn, boolean warned, Instant pausedAt, Long remaining,
			Instant metAt, Instant missedAt) {
		return new Timer(this.id, this.ticketId, this.target, this.targetMinutes, this.policyName, this.startedAt, due,
				warn, warned, state, pausedAt, remaining, this.pausedSeconds, metAt, missedAt, this.groupId,
				this.assigneeId);
	}

	static Timer read(ResultSet rs, int row) throws SQLException {
		return new Timer(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class), rs.getString("target"),
				rs.getInt("target_minutes"), rs.getString("policy_name"), instant(rs, "started_at"),
				instant(rs, "due_at"), instant(rs, "warn_at"), rs.getBoolean("warned"), rs.getString("state"),
				instant(rs, "paused_at"), (Long) rs.getObject("remaining_seconds"), rs.getLong("paused_seconds"),
				instant(rs, "met_at"), instant(rs, "missed_at"), rs.getObject("group_id", UUID.class),
				rs.getObject("assignee_id", UUID.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
