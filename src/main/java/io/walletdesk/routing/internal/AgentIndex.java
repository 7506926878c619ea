package io.walletdesk.routing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The routing decision's working set, in memory: every agent with presence, languages,
 * skills, groups, capacity and current load, and which agent holds which active ticket.
 * Routing asks it on every decision, so a decision never counts tickets in the database;
 * events keep it current and a periodic rebuild from the database corrects drift (changes
 * made on other nodes, events missed across a restart).
 * <p>
 * Thread-safe: decisions read while listeners update. The load counters of an agent are
 * changed under the agent's slot lock.
 */
public final class AgentIndex {

	private final Map<UUID, Slot> agents = new ConcurrentHashMap<>();

	private volatile Map<UUID, List<Slot>> byGroup = Map.of();

	private final Map<UUID, Holding> holdings = new ConcurrentHashMap<>();

	/**
	 * Replaces the agents (from the database), keeping nothing of the previous set. Loads
	 * are set from {@code loads} (agent to live chats and other tickets).
	 */
	public synchronized void rebuild(Collection<AgentFacts> facts, Map<UUID, int[]> loads) {
		Map<UUID, List<Slot>> groups = new HashMap<>();
		Set<UUID> seen = new java.util.HashSet<>();
		for (AgentFacts fact : facts) {
			Slot slot = this.agents.computeIfAbsent(fact.agentId(), Slot::new);
			slot.update(fact);
			int[] load = loads.getOrDefault(fact.agentId(), new int[2]);
			synchronized (slot) {
				slot.liveChats = load[0];
				slot.openTickets = load[1];
			}
			seen.add(fact.agentId());
			for (UUID group : fact.groupIds()) {
				groups.computeIfAbsent(group, g -> new ArrayList<>()).add(slot);
			}
		}
		this.agents.keySet().retainAll(seen);
		Map<UUID, List<Slot>> frozen = new HashMap<>();
		groups.forEach((group, slots) -> frozen.put(group, List.copyOf(slots)));
		this.byGroup = Map.copyOf(frozen);
	}

	/** The agent's slot, if the agent is known. */
	public Optional<Slot> agent(UUID agentId) {
		return Optional.ofNullable(this.agents.get(agentId));
	}

	public Collection<Slot> agents() {
		return this.agents.values();
	}

	public void presence(UUID agentId, String presence) {
		Slot slot = this.agents.get(agentId);
		if (slot != null) {
			slot.presence = presence;
		}
	}

	public void assignedAt(UUID agentId, Instant at) {
		Slot slot = this.agents.get(agentId);
		if (slot != null) {
			slot.lastAssignedAt = at;
		}
	}

	/**
	 * Records who now holds an active ticket (null: nobody, or the ticket is no longer
	 * active) and moves the load from the previous holder to the new one.
	 * @return the previous holder, null when there was none or this node did not know
	 * (the ticket was assigned before it started; the next rebuild corrects the loads)
	 */
	public UUID hold(UUID ticketId, UUID agentId, boolean liveChat) {
		Holding previous = agentId == null ? this.holdings.remove(ticketId)
				: this.holdings.put(ticketId, new Holding(agentId, liveChat));
		if (previous != null && previous.agentId().equals(agentId) && previous.liveChat() == liveChat) {
			return previous.agentId();
		}
		if (previous != null) {
			adjust(previous.agentId(), previous.liveChat(), -1);
		}
		if (agentId != null) {
			adjust(agentId, liveChat, +1);
		}
		return previous == null ? null : previous.agentId();
	}

	private void adjust(UUID agentId, boolean liveChat, int by) {
		Slot slot = this.agents.get(agentId);
		if (slot == null) {
			return;
		}
		synchronized (slot) {
			if (liveChat) {
				slot.liveChats = Math.max(0, slot.liveChats + by);
			}
			else {
				slot.openTickets = Math.max(0, slot.openTickets + by);
			}
		}
	}

	/**
	 * The agent who should get a conversation: online, in the group, speaking the
	 * language, with the skill, under capacity for the channel kind and not excluded;
	 * least loaded relative to capacity first, and among equals the one assigned longest
	 * ago (round-robin). {@code onShift} is asked only for the agents in that order until
	 * one is on shift, since it may be the costliest check.
	 */
	public Optional<UUID> choose(Needs needs, Predicate<UUID> onShift) {
		List<Slot> members = this.byGroup.getOrDefault(needs.groupId(), List.of());
		List<Candidate> candidates = new ArrayList<>();
		for (Slot slot : members) {
			if (!"online".equals(slot.presence) || needs.excluded().contains(slot.agentId)) {
				continue;
			}
			if (needs.skill() != null && !slot.skills.contains(needs.skill())) {
				continue;
			}
			if (needs.languages() != null && !needs.languages().isEmpty()
					&& needs.languages().stream().noneMatch(slot.languages::contains)) {
				continue;
			}
			int load;
			int max;
			synchronized (slot) {
				load = needs.liveChat() ? slot.liveChats : slot.openTickets;
				max = needs.liveChat() ? slot.maxLiveChats : slot.maxOpenTickets;
			}
			if (load >= max) {
				continue;
			}
			Instant last = slot.lastAssignedAt;
			candidates.add(new Candidate(slot.agentId, (double) load / max,
					last == null ? Long.MIN_VALUE : last.getEpochSecond() * 1_000_000_000L + last.getNano()));
		}
		candidates
			.sort((a, b) -> a.ratio != b.ratio ? Double.compare(a.ratio, b.ratio) : a.lastAssigned != b.lastAssigned
					? Long.compare(a.lastAssigned, b.lastAssigned) : a.agentId.compareTo(b.agentId));
		for (Candidate candidate : candidates) {
			if (onShift.test(candidate.agentId)) {
				return Optional.of(candidate.agentId);
			}
		}
		return Optional.empty();
	}

	/** The primary language subtag, lower case: {@code zh-CN} is {@code zh}. */
	public static String primary(String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		String tag = language.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		int dash = tag.indexOf('-');
		return dash < 0 ? tag : tag.substring(0, dash);
	}

	/**
	 * What a conversation needs of its agent.
	 *
	 * @param languages any of these languages (primary subtags); empty for any
	 * @param skill the skill needed, or null
	 * @param liveChat whether it counts against live-chat capacity
	 * @param excluded agents who declined it, let it time out or had it taken away
	 */
	public record Needs(UUID groupId, Set<String> languages, String skill, boolean liveChat, Set<UUID> excluded) {
	}

	/**
	 * An agent's facts from the database.
	 *
	 * @param presence {@code online}, {@code away} or {@code offline}
	 */
	public record AgentFacts(UUID agentId, String username, Set<String> languages, Set<String> skills,
			Set<UUID> groupIds, String presence, int maxLiveChats, int maxOpenTickets, Instant lastAssignedAt) {
	}

	private record Holding(UUID agentId, boolean liveChat) {
	}

	private record Candidate(UUID agentId, double ratio, long lastAssigned) {
	}

	/**
	 * One agent in the index.
	 */
	public static final class Slot {

		private final UUID agentId;

		private volatile String username;

		private volatile Set<String> languages = Set.of();

		private volatile Set<String> skills = Set.of();

		private volatile Set<UUID> groupIds = Set.of();

		private volatile String presence = "offline";

		private volatile int maxLiveChats;

		private volatile int maxOpenTickets;

		private volatile Instant lastAssignedAt;

		private int liveChats;

		private int openTickets;

		Slot(UUID agentId) {
			this.agentId = agentId;
		}

		void update(AgentFacts facts) {
			this.username = facts.username();
			this.languages = facts.languages()
				.stream()
				.map(AgentIndex::primary)
				.collect(java.util.stream.Collectors.toUnmodifiableSet());
			this.skills = Set.copyOf(facts.skills());
			this.groupIds = Set.copyOf(facts.groupIds());
			this.presence = facts.presence();
			this.maxLiveChats = facts.maxLiveChats();
			this.maxOpenTickets = facts.maxOpenTickets();
			Instant last = this.lastAssignedAt;
			if (last == null || (facts.lastAssignedAt() != null && facts.lastAssignedAt().isAfter(last))) {
				this.lastAssignedAt = facts.lastAssignedAt();
			}
		}

		public UUID agentId() {
			return this.agentId;
		}

		public String username() {
			return this.username;
		}

		public String presence() {
			return this.presence;
		}

		public Set<UUID> groupIds() {
			return this.groupIds;
		}

		public synchronized int liveChats() {
			return this.liveChats;
		}

		public synchronized int openTickets() {
			return this.openTickets;
		}

		public int maxLiveChats() {
			return this.maxLiveChats;
		}

		public int maxOpenTickets() {
			return this.maxOpenTickets;
		}

	}

}
