package io.walletdesk.shift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@link Rota} other modules ask. Routing asks on every decision, so the answers come
 * from schedules compiled in memory; every node rebuilds them when the shared version
 * counter moves (checked every {@code walletdesk.shift.version-check-interval}) and
 * re-reads agents every {@code walletdesk.shift.agent-refresh-interval}, so all nodes
 * agree within seconds of a change.
 */
@Component
class ShiftRota implements Rota {

	private static final Logger log = LoggerFactory.getLogger(ShiftRota.class);

	private static final Duration HORIZON = Duration.ofDays(14);

	/** Past exceptions older than this cannot change a current answer. */
	private static final Duration EXCEPTION_LOOKBACK = Duration.ofDays(60);

	private final ShiftStore store;

	private final AgentManagement agents;

	private final RegionHolidays published;

	private final Clock clock;

	private final ShiftSettings settings;

	private volatile Snapshot snapshot;

	ShiftRota(ShiftStore store, AgentManagement agents, RegionHolidays published, Clock clock, ShiftSettings settings) {
		this.store = store;
		this.agents = agents;
		this.published = published;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	public boolean onShift(UUID agentId, Instant at) {
		Entry entry = current().entries.get(agentId);
		if (entry == null) {
			entry = learn(agentId);
		}
		return entry != null && entry.schedule.onShift(at);
	}

	/**
	 * An agent created or enabled since the last rebuild: identity announces no profile
	 * changes, so the rota rebuilds at once for an active agent it does not know rather
	 * than leave them off shift until the next refresh.
	 */
	private Entry learn(UUID agentId) {
		if (this.agents.find(agentId).filter(AgentView::enabled).isEmpty()) {
			return null;
		}
		rebuildAfterChange();
		return current().entries.get(agentId);
	}

	@Override
	public Set<UUID> onShiftAgents(Instant at) {
		Set<UUID> on = new HashSet<>();
		for (Entry entry : current().entries.values()) {
			if (entry.schedule.onShift(at)) {
				on.add(entry.agent.id());
			}
		}
		return on;
	}

	@Override
	public Optional<Instant> nextStaffed(Instant from, String language, UUID groupId) {
		Instant until = from.plus(HORIZON);
		Instant best = null;
		for (Entry entry : current().entries.values()) {
			if ((language == null || entry.agent.languages().contains(language))
					&& (groupId == null || entry.agent.groupIds().contains(groupId))) {
				Instant next = entry.schedule.next(from, best != null ? best : until).orElse(null);
				if (next != null && (best == null || next.isBefore(best))) {
					best = next;
					if (best.equals(from)) {
						break;
					}
				}
			}
		}
		return Optional.ofNullable(best);
	}

	@Override
	public boolean isHoliday(String region, LocalDate date) {
		return current().holidays.isHoliday(region, date);
	}

	/** The active agents with their compiled schedules, as of the last rebuild. */
	Collection<Entry> entries() {
		return current().entries.values();
	}

	/**
	 * Rebuilds from the database now; called after a change on this node commits.
	 */
	synchronized void rebuild() {
		long version = this.store.version();
		List<AgentView> active = this.agents.all().stream().filter(AgentView::enabled).toList();
		Map<UUID, List<WeeklyShift>> patterns = this.store.allPatterns();
		Map<UUID, List<ShiftExceptionView>> exceptions = this.store
			.exceptionsEndingAfter(this.clock.instant().minus(EXCEPTION_LOOKBACK));
		Holidays holidays = new Holidays(this.published, this.store.customHolidays());
		Map<UUID, String> regions = this.store.regions();
		Map<UUID, Entry> entries = new HashMap<>();
		for (AgentView agent : active) {
			AgentSchedule schedule = new AgentSchedule(agent.id(), zoneOf(agent),
					regions.getOrDefault(agent.id(), RegionHolidays.regionOf(agent.timeZone())),
					patterns.getOrDefault(agent.id(), List.of()), exceptions.getOrDefault(agent.id(), List.of()),
					holidays::isHoliday);
			entries.put(agent.id(), new Entry(agent, schedule));
		}
		this.snapshot = new Snapshot(version, this.clock.instant(), Map.copyOf(entries), holidays);
	}

	/**
	 * Picks up changes made on other nodes, and agents' profile changes.
	 */
	@Scheduled(fixedDelayString = "${walletdesk.shift.version-check-interval:5s}", initialDelayString = "5s")
	void refresh() {
		Snapshot current = this.snapshot;
		if (current == null) {
			return;
		}
		try {
			boolean agentsStale = Duration.between(current.builtAt, this.clock.instant())
				.compareTo(this.settings.agentRefreshInterval()) >= 0;
			if (agentsStale || this.store.version() != current.version) {
				rebuild();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the rota; answering from the previous one: {}", ex.getMessage());
		}
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		if (current == null) {
			synchronized (this) {
				if (this.snapshot == null) {
					rebuild();
				}
			}
			current = this.snapshot;
		}
		return current;
	}

	/**
	 * Rebuilds after a change committed on this node; a failure leaves the previous rota
	 * in place until the next version check picks the change up.
	 */
	void rebuildAfterChange() {
		try {
			rebuild();
		}
		catch (RuntimeException ex) {
			log.warn("Could not rebuild the rota after a change; the next refresh will: {}", ex.getMessage());
		}
	}

	static ZoneId zoneOf(AgentView agent) {
		try {
			return agent.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(agent.timeZone());
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	record Entry(AgentView agent, AgentSchedule schedule) {
	}

	private record Snapshot(long version, Instant builtAt, Map<UUID, Entry> entries, Holidays holidays) {
	}

}
