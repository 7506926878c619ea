package io.walletdesk.shift;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shift tables: weekly patterns, exceptions, agents' regions, custom holidays and the
 * version counter that tells every node when to rebuild its rota.
 */
@Repository
class ShiftStore {

	private final JdbcClient jdbc;

	ShiftStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long version() {
		return this.jdbc.sql("select version from shift_version where id = 1").query(Long.class).single();
	}

	void bumpVersion() {
		this.jdbc.sql("update shift_version set version = version + 1 where id = 1").update();
	}

	Map<UUID, List<WeeklyShift>> allPatterns() {
		Map<UUID, List<WeeklyShift>> patterns = new HashMap<>();
		this.jdbc.sql(
				"select agent_id, day_of_week, starts_at, ends_at from shift_pattern order by agent_id, day_of_week, starts_at")
			.query(rs -> {
				patterns.computeIfAbsent(rs.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
					.add(shift(rs.getInt(2), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)));
			});
		return patterns;
	}

	List<WeeklyShift> pattern(UUID agentId) {
		return this.jdbc.sql(
				"select day_of_week, starts_at, ends_at from shift_pattern where agent_id = ? order by day_of_week, starts_at")
			.param(agentId)
			.query((rs, row) -> shift(rs.getInt(1), rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)))
			.list();
	}

	void replacePattern(UUID agentId, List<WeeklyShift> shifts) {
		this.jdbc.sql("delete from shift_pattern where agent_id = ?").param(agentId).update();
		for (WeeklyShift shift : shifts) {
			this.jdbc
				.sql("insert into shift_pattern (id, agent_id, day_of_week, starts_at, ends_at) values (?, ?, ?, ?, ?)")
				.params(UUID.randomUUID(), agentId, shift.day().getValue(), shift.start(), shift.end())
				.update();
		}
	}

	/** Exceptions that end after the instant, by agent. */
	Map<UUID, List<ShiftExceptionView>> exceptionsEndingAfter(Instant after) {
		Map<UUID, List<ShiftExceptionView>> exceptions = new HashMap<>();
		for (ShiftExceptionView exception : this.jdbc.sql(EXCEPTIONS + " where ends_at > ? order by starts_at")
			.param(Timestamp.from(after))
			.query(ShiftStore::exception)
			.list()) {
			exceptions.computeIfAbsent(exception.agentId(), id -> new java.util.ArrayList<>()).add(exception);
		}
		return exceptions;
	}

	/** Exceptions that overlap the period, by agent. */
	Map<UUID, List<ShiftExceptionView>> exceptionsOverlapping(Instant from, Instant to) {
		Map<UUID, List<ShiftExceptionView>> exceptions = new HashMap<>();
		for (ShiftExceptionView exception : this.jdbc
			.sql(EXCEPTIONS + " where ends_at > ? and starts_at < ? order by starts_at")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(ShiftStore::exception)
			.list()) {
			exceptions.computeIfAbsent(exception.agentId(), id -> new java.util.ArrayList<>()).add(exception);
		}
		return exceptions;
	}

	List<ShiftExceptionView> exceptions(UUID agentId) {
		return this.jdbc.sql(EXCEPTIONS + " where agent_id = ? order by starts_at")
			.param(agentId)
			.query(ShiftStore::exception)
			.list();
	}

	Optional<ShiftExceptionView> exception(UUID exceptionId) {
		return this.jdbc.sql(EXCEPTIONS + " where id = ?").param(exceptionId).query(ShiftStore::exception).optional();
	}

	void addException(ShiftExceptionView exception, UUID createdBy, Instant at) {
		this.jdbc.sql("""
				insert into shift_exception (id, agent_id, kind, starts_at, ends_at, note, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(exception.id(), exception.agentId(), exception.kind().name(), Timestamp.from(exception.startsAt()),
					Timestamp.from(exception.endsAt()), exception.note(), createdBy, Timestamp.from(at))
			.update();
	}

	boolean deleteException(UUID agentId, UUID exceptionId) {
		return this.jdbc.sql("delete from shift_exception where id = ? and agent_id = ?")
			.params(exceptionId, agentId)
			.update() == 1;
	}

	Map<UUID, String> regions() {
		Map<UUID, String> regions = new HashMap<>();
		this.jdbc.sql("select agent_id, region from shift_agent_region").query(rs -> {
			regions.put(rs.getObject(1, UUID.class), rs.getString(2));
		});
		return regions;
	}

	Optional<String> region(UUID agentId) {
		return this.jdbc.sql("select region from shift_agent_region where agent_id = ?")
			.param(agentId)
			.query(String.class)
			.optional();
	}

	void setRegion(UUID agentId, String region) {
		if (region == null) {
			this.jdbc.sql("delete from shift_agent_region where agent_id = ?").param(agentId).update();
			return;
		}
		this.jdbc.sql("""
				insert into shift_agent_region (agent_id, region) values (?, ?)
				on conflict (agent_id) do update set region = excluded.region""").params(agentId, region).update();
	}

	List<HolidayView> customHolidays() {
		return this.jdbc.sql(HOLIDAYS + " order by region, day").query(ShiftStore::holiday).list();
	}

	List<HolidayView> customHolidays(String region, int year) {
		return this.jdbc.sql(HOLIDAYS + " where region = ? and day between ? and ? order by day")
			.params(region, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
			.query(ShiftStore::holiday)
			.list();
	}

	/** Adds the day, or replaces the entry the region already has for it. */
	HolidayView putHoliday(String region, LocalDate day, String name, boolean off, Instant at) {
		UUID id = this.jdbc.sql("""
				insert into shift_holiday (id, region, day, name, off, created_at) values (?, ?, ?, ?, ?, ?)
				on conflict (region, day) do update set name = excluded.name, off = excluded.off
				returning id""")
			.params(UUID.randomUUID(), region, Date.valueOf(day), name, off, Timestamp.from(at))
			.query(UUID.class)
			.single();
		return new HolidayView(id, region, day, name, HolidayView.Source.CUSTOM, off);
	}

	boolean deleteHoliday(UUID id) {
		return this.jdbc.sql("delete from shift_holiday where id = ?").param(id).update() == 1;
	}

	private static final String EXCEPTIONS = "select id, agent_id, kind, starts_at, ends_at, note from shift_exception";

	private static final String HOLIDAYS = "select id, region, day, name, off from shift_holiday";

	private static WeeklyShift shift(int day, LocalTime start, LocalTime end) {
		return new WeeklyShift(DayOfWeek.of(day), start, end);
	}

	private static ShiftExceptionView exception(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ShiftExceptionView(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
				ExceptionKind.valueOf(rs.getString("kind")), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getString("note"));
	}

	private static HolidayView holiday(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new HolidayView(rs.getObject("id", UUID.class), rs.getString("region"), rs.getDate("day").toLocalDate(),
				rs.getString("name"), HolidayView.Source.CUSTOM, rs.getBoolean("off"));
	}

}
