package io.walletdesk.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.ticket.Category;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Routing's tables (presence, rules, capacities, pins, offers, notices), with JdbcClient:
 * the rows are small and the sweeps need {@code FOR UPDATE SKIP LOCKED}, which plain SQL
 * says most clearly.
 */
@Repository
class RoutingStore {

	private final JdbcClient jdbc;

	RoutingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Presence

	record PresenceRow(UUID agentId, Presence state, String setBy, Instant changedAt, Instant lastSeenAt,
			Instant lastAssignedAt) {
	}

	Optional<PresenceRow> presence(UUID agentId) {
		return this.jdbc.sql("select * from routing_presence where agent_id = ?")
			.param(agentId)
			.query((rs, row) -> new PresenceRow(rs.getObject("agent_id", UUID.class),
					Presence.fromId(rs.getString("state")), rs.getString("set_by"),
					instant(rs.getTimestamp("changed_at")), instant(rs.getTimestamp("last_seen_at")),
					instant(rs.getTimestamp("last_assigned_at"))))
			.optional();
	}

	Optional<PresenceRow> presenceForUpdate(UUID agentId) {
		return this.jdbc.sql("select * from routing_presence where agent_id = ? for update")
			.param(agentId)
			.query((rs, row) -> new PresenceRow(rs.getObject("agent_id", UUID.class),
					Presence.fromId(rs.getString("state")), rs.getString("set_by"),
					instant(rs.getTimestamp("changed_at")), instant(rs.getTimestamp("last_seen_at")),
					instant(rs.getTimestamp("last_assigned_at"))))
			.optional();
	}

	Map<UUID, PresenceRow> allPresence() {
		Map<UUID, PresenceRow> rows = new HashMap<>();
		this.jdbc.sql("select * from routing_presence").query((rs, row) -> {
			PresenceRow presence = new PresenceRow(rs.getObject("agent_id", UUID.class),
					Presence.fromId(rs.getString("state")), rs.getString("set_by"),
					instant(rs.getTimestamp("changed_at")), instant(rs.getTimestamp("last_seen_at")),
					instant(rs.getTimestamp("last_assigned_at")));
			rows.put(presence.agentId(), presence);
			return presence;
		}).list();
		return rows;
	}

	void savePresence(UUID agentId, Presence state, String setBy, Instant changedAt, Instant lastSeenAt) {
		this.jdbc.sql("""
				insert into routing_presence (agent_id, state, set_by, changed_at, last_seen_at) values (?, ?, ?, ?, ?)
				on conflict (agent_id) do update set state = excluded.state, set_by = excluded.set_by,
				  changed_at = excluded.changed_at, last_seen_at = excluded.last_seen_at""")
			.params(agentId, state.id(), setBy, ts(changedAt), ts(lastSeenAt))
			.update();
	}

	void touch(UUID agentId, Instant at) {
		this.jdbc.sql("update routing_presence set last_seen_at = ? where agent_id = ?")
			.params(ts(at), agentId)
			.update();
	}

	void assigned(UUID agentId, Instant at) {
		this.jdbc.sql("update routing_presence set last_assigned_at = ? where agent_id = ?")
			.params(ts(at), agentId)
			.update();
	}

	/**
	 * Moves agents whose consoles fell silent: online ones last seen at or before
	 * {@code awayBefore} to away, away ones last seen at or before {@code offlineBefore}
	 * to offline. Each row changes on one node only (the update locks it and the second
	 * node's condition no longer holds), so a change is announced once.
	 * @return the agents moved, with their new state
	 */
	Map<UUID, Presence[]> silence(Instant awayBefore, Instant offlineBefore, Instant now) {
		Map<UUID, Presence[]> moved = new HashMap<>();
		this.jdbc.sql("""
				update routing_presence p set state = 'offline', set_by = 'inactivity', changed_at = ?
				from (select agent_id, state from routing_presence where state <> 'offline' and last_seen_at <= ?
				  for update skip locked) old
				where p.agent_id = old.agent_id returning p.agent_id, old.state""")
			.params(ts(now), ts(offlineBefore))
			.query((rs, row) -> moved.put(rs.getObject(1, UUID.class),
					new Presence[] { Presence.fromId(rs.getString(2)), Presence.OFFLINE }))
			.list();
		this.jdbc.sql("""
				update routing_presence p set state = 'away', set_by = 'inactivity', changed_at = ?
				from (select agent_id from routing_presence where state = 'online' and last_seen_at <= ?
				  for update skip locked) old
				where p.agent_id = old.agent_id returning p.agent_id""")
			.params(ts(now), ts(awayBefore))
			.query((rs, row) -> moved.put(rs.getObject(1, UUID.class),
					new Presence[] { Presence.ONLINE, Presence.AWAY }))
			.list();
		return moved;
	}

	Map<UUID, Integer> openOffersPerAgent() {
		Map<UUID, Integer> counts = new HashMap<>();
		this.jdbc.sql("select agent_id, count(*) from routing_offer where state = 'offered' group by agent_id")
			.query((rs, row) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
		return counts;
	}

	// Rules and capacities

	Optional<GroupRule> rule(UUID groupId) {
		Map<Category, String> skills = new EnumMap<>(Category.class);
		this.jdbc.sql("select category, skill from routing_category_skill where group_id = ?")
			.param(groupId)
			.query((rs, row) -> skills.put(Category.fromId(rs.getString(1)), rs.getString(2)))
			.list();
		return this.jdbc.sql("select * from routing_group_rule where group_id = ?")
			.param(groupId)
			.query((rs, row) -> new GroupRule(groupId, rs.getBoolean("auto_assign"), rs.getInt("offer_timeout_seconds"),
					rs.getBoolean("language_must_match"), rs.getBoolean("assign_tickets_directly"),
					new Capacity(rs.getInt("max_live_chats"), rs.getInt("max_open_tickets")), skills))
			.optional();
	}

	List<UUID> ruledGroups() {
		return this.jdbc.sql("select group_id from routing_group_rule").query(UUID.class).list();
	}

	void saveRule(GroupRule rule, Instant at) {
		this.jdbc
			.sql("""
					insert into routing_group_rule (group_id, auto_assign, offer_timeout_seconds, language_must_match,
					  assign_tickets_directly, max_live_chats, max_open_tickets, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (group_id) do update set auto_assign = excluded.auto_assign,
					  offer_timeout_seconds = excluded.offer_timeout_seconds, language_must_match = excluded.language_must_match,
					  assign_tickets_directly = excluded.assign_tickets_directly, max_live_chats = excluded.max_live_chats,
					  max_open_tickets = excluded.max_open_tickets, updated_at = excluded.updated_at""")
			.params(rule.groupId(), rule.autoAssign(), rule.offerTimeoutSeconds(), rule.languageMustMatch(),
					rule.assignTicketsDirectly(), rule.capacity().maxLiveChats(), rule.capacity().maxOpenTickets(),
					ts(at))
			.update();
		this.jdbc.sql("delete from routing_category_skill where group_id = ?").param(rule.groupId()).update();
		rule.skills()
			.forEach((category, skill) -> this.jdbc
				.sql("insert into routing_category_skill (group_id, category, skill) values (?, ?, ?)")
				.params(rule.groupId(), category.id(), skill)
				.update());
	}

	record CapacityOverride(Integer maxLiveChats, Integer maxOpenTickets) {
	}

	Map<UUID, CapacityOverride> capacityOverrides() {
		Map<UUID, CapacityOverride> overrides = new HashMap<>();
		this.jdbc.sql("select agent_id, max_live_chats, max_open_tickets from routing_capacity")
			.query((rs, row) -> overrides.put(rs.getObject(1, UUID.class),
					new CapacityOverride((Integer) rs.getObject(2), (Integer) rs.getObject(3))))
			.list();
		return overrides;
	}

	void saveCapacity(UUID agentId, Integer maxLiveChats, Integer maxOpenTickets, Instant at) {
		this.jdbc
			.sql("""
					insert into routing_capacity (agent_id, max_live_chats, max_open_tickets, updated_at) values (?, ?, ?, ?)
					on conflict (agent_id) do update set max_live_chats = excluded.max_live_chats,
					  max_open_tickets = excluded.max_open_tickets, updated_at = excluded.updated_at""")
			.params(agentId, maxLiveChats, maxOpenTickets, ts(at))
			.update();
	}

	// Pins

	Optional<UUID> pinnedTo(UUID ticketId) {
		return this.jdbc.sql("select agent_id from routing_pin where ticket_id = ?")
			.param(ticketId)
			.query(UUID.class)
			.optional();
	}

	void pin(UUID ticketId, UUID agentId, UUID by, Instant at) {
		this.jdbc.sql("""
				insert into routing_pin (ticket_id, agent_id, pinned_by, pinned_at) values (?, ?, ?, ?)
				on conflict (ticket_id) do update set agent_id = excluded.agent_id, pinned_by = excluded.pinned_by,
				  pinned_at = excluded.pinned_at""").params(ticketId, agentId, by, ts(at)).update();
	}

	boolean unpin(UUID ticketId) {
		return this.jdbc.sql("delete from routing_pin where ticket_id = ?").param(ticketId).update() == 1;
	}

	// Offers

	record OfferRow(UUID id, UUID ticketId, UUID agentId, String state, Instant offeredAt, Instant expiresAt) {
	}

	/**
	 * Serialises routing decisions for one ticket across nodes until the transaction
	 * ends.
	 */
	void lockTicket(UUID ticketId) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)")
			.param(ticketId.getMostSignificantBits() ^ ticketId.getLeastSignificantBits())
			.query((rs, row) -> 1)
			.list();
	}

	Optional<OfferRow> openOffer(UUID ticketId) {
		return this.jdbc.sql("select * from routing_offer where ticket_id = ? and state = 'offered'")
			.param(ticketId)
			.query((rs, row) -> offer(rs))
			.optional();
	}

	Optional<OfferRow> openOfferFor(UUID agentId) {
		return this.jdbc
			.sql("select * from routing_offer where agent_id = ? and state = 'offered' order by offered_at limit 1")
			.param(agentId)
			.query((rs, row) -> offer(rs))
			.optional();
	}

	Optional<OfferRow> offerForUpdate(UUID offerId) {
		return this.jdbc.sql("select * from routing_offer where id = ? for update")
			.param(offerId)
			.query((rs, row) -> offer(rs))
			.optional();
	}

	Set<UUID> excludedAgents(UUID ticketId) {
		return new HashSet<>(this.jdbc.sql(
				"select agent_id from routing_offer where ticket_id = ? and state in ('declined', 'expired', 'taken_away')")
			.param(ticketId)
			.query(UUID.class)
			.list());
	}

	void insertOffer(UUID id, UUID ticketId, UUID agentId, String state, Instant at, Instant expiresAt) {
		this.jdbc.sql("""
				insert into routing_offer (id, ticket_id, agent_id, state, offered_at, expires_at, answered_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, ticketId, agentId, state, ts(at), ts(expiresAt), "offered".equals(state) ? null : ts(at))
			.update();
	}

	void answerOffer(UUID offerId, String state, Instant at) {
		this.jdbc.sql("update routing_offer set state = ?, answered_at = ? where id = ?")
			.params(state, ts(at), offerId)
			.update();
	}

	/**
	 * Claims offers whose time is up (at or before {@code now}) for this transaction;
	 * rows another node is already handling are skipped, so each expiry is handled once.
	 */
	List<OfferRow> claimExpired(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from routing_offer where state = 'offered' and expires_at <= ?
				order by expires_at limit ? for update skip locked""")
			.params(ts(now), limit)
			.query((rs, row) -> offer(rs))
			.list();
	}

	// Notices

	boolean noticeOnce(UUID ticketId, Instant backAt, Instant now) {
		return this.jdbc.sql("""
				insert into routing_notice (ticket_id, back_at, posted_at) values (?, ?, ?)
				on conflict (ticket_id) do nothing""").params(ticketId, ts(backAt), ts(now)).update() == 1;
	}

	private static OfferRow offer(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new OfferRow(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
				rs.getObject("agent_id", UUID.class), rs.getString("state"), instant(rs.getTimestamp("offered_at")),
				instant(rs.getTimestamp("expires_at")));
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(Timestamp value) {
		return value == null ? null : value.toInstant();
	}

}
