package io.walletdesk.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.GroupView;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignIn;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.routing.internal.AgentIndex;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.TicketFilter;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketQueries;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Workload;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing's public face: agents' presence and capacity, groups' routing rules, pins, and
 * the offers of live chats to agents. Assignment itself happens on events (a ticket
 * opened, triaged, unassigned or moved, an agent online or freed up, an offer expired, a
 * service-level breach asking for reassignment).
 */
@Service
public class RoutingManagement {

	private static final Set<TicketStatus> ACTIVE = Set.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING,
			TicketStatus.ON_HOLD);

	/** How many waiting tickets per group an agent who frees up pulls at most. */
	private static final int PULL = 20;

	private final RoutingStore store;

	private final AgentIndex index;

	private final Router router;

	private final AgentManagement agents;

	private final SignIn signIn;

	private final TicketManagement tickets;

	private final TicketQueries queries;

	private final ShiftCheck shifts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RoutingManagement(RoutingStore store, AgentIndex index, Router router, AgentManagement agents, SignIn signIn,
			TicketManagement tickets, TicketQueries queries, ShiftCheck shifts, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.index = index;
		this.router = router;
		this.agents = agents;
		this.signIn = signIn;
		this.tickets = tickets;
		this.queries = queries;
		this.shifts = shifts;
		this.events = events;
		this.clock = clock;
	}

	// Presence

	/** The agent's presence; offline when they never had one. */
	@Transactional(readOnly = true)
	public Presence presence(UUID agentId) {
		return this.store.presence(agentId).map(RoutingStore.PresenceRow::state).orElse(Presence.OFFLINE);
	}

	/**
	 * The agent sets their own presence. Away and offline set this way stay until the
	 * agent changes them; heartbeats do not bring them back.
	 */
	@Transactional
	public Presence setPresence(UUID agentId, Presence presence) {
		return change(agentId, presence, "agent");
	}

	/**
	 * The agent's console is open and used: keeps them online, and brings back an agent
	 * whom inactivity or signing out made away or offline (a first heartbeat makes a new
	 * agent online).
	 */
	@Transactional
	public Presence heartbeat(UUID agentId) {
		Instant now = this.clock.instant();
		Optional<RoutingStore.PresenceRow> row = this.store.presenceForUpdate(agentId);
		if (row.isPresent() && (row.get().state() == Presence.ONLINE || "agent".equals(row.get().setBy()))) {
			this.store.touch(agentId, now);
			return row.get().state();
		}
		return change(agentId, Presence.ONLINE, "heartbeat");
	}

	/** Signing out makes the agent offline; their live chats go back to the queue. */
	@Transactional
	public void signedOut(UUID agentId) {
		change(agentId, Presence.OFFLINE, "sign_out");
	}

	private Presence change(UUID agentId, Presence presence, String cause) {
		Instant now = this.clock.instant();
		Presence before = this.store.presenceForUpdate(agentId).map(RoutingStore.PresenceRow::state).orElse(null);
		this.store.savePresence(agentId, presence, cause, now, now);
		if (before != presence) {
			this.events.publishEvent(new AgentPresenceChanged(agentId, before == null ? Presence.OFFLINE : before,
					presence, cause, now));
			Router.afterCommit(() -> {
				if (this.index.agent(agentId).isEmpty()) {
					rebuildIndex();
				}
				this.index.presence(agentId, presence.id());
			});
		}
		return presence;
	}

	/**
	 * Consoles that fell silent: online agents without a heartbeat for {@code awayAfter}
	 * become away, and after {@code offlineAfter} more offline.
	 * @return how many agents changed
	 */
	@Transactional
	public int sweepInactive(RoutingSettings settings) {
		Instant now = this.clock.instant();
		Map<UUID, Presence[]> moved = this.store.silence(now.minus(settings.awayAfter()),
				now.minus(settings.awayAfter()).minus(settings.offlineAfter()), now);
		moved.forEach((agent, change) -> {
			this.events.publishEvent(new AgentPresenceChanged(agent, change[0], change[1], "inactivity", now));
			Router.afterCommit(() -> this.index.presence(agent, change[1].id()));
		});
		return moved.size();
	}

	// Rules and capacity

	/** The group's rule; the defaults (no automatic assignment) when it has none. */
	@Transactional(readOnly = true)
	public GroupRule rule(UUID groupId) {
		if (this.agents.group(groupId).isEmpty()) {
			throw new NotFoundException("group", groupId);
		}
		return this.store.rule(groupId).orElseGet(() -> GroupRule.defaults(groupId));
	}

	/**
	 * Stores a group's rule (admins).
	 * @throws NotFoundException for an unknown group
	 */
	@Transactional
	public GroupRule saveRule(GroupRule rule) {
		if (this.agents.group(rule.groupId()).isEmpty()) {
			throw new NotFoundException("group", rule.groupId());
		}
		this.store.saveRule(rule, this.clock.instant());
		Router.afterCommit(this::rebuildIndex);
		return rule;
	}

	/**
	 * Overrides an agent's capacity (supervisors); a null limit returns to the group
	 * default.
	 * @throws NotFoundException for an unknown agent
	 */
	@Transactional
	public void setCapacity(UUID agentId, Integer maxLiveChats, Integer maxOpenTickets) {
		if (!this.agents.exists(agentId)) {
			throw new NotFoundException("agent", agentId);
		}
		// Validates the ranges the same way as a group default.
		new Capacity(maxLiveChats == null ? 0 : maxLiveChats, maxOpenTickets == null ? 0 : maxOpenTickets);
		this.store.saveCapacity(agentId, maxLiveChats, maxOpenTickets, this.clock.instant());
		Router.afterCommit(this::rebuildIndex);
	}

	// Pins

	/** The agent the ticket is pinned to, if any. */
	@Transactional(readOnly = true)
	public Optional<UUID> pinnedTo(UUID ticketId) {
		return this.store.pinnedTo(ticketId);
	}

	/**
	 * Pins a ticket to an agent (supervisors): assigns it to them when not already, and
	 * routing never moves it while pinned (not when they go offline, not on a breach).
	 * @param agentId the agent; null pins it to its current assignee
	 * @throws InvalidInputException when no agent is given and the ticket has no assignee
	 */
	@Transactional
	public TicketView pin(UUID ticketId, UUID agentId, Actor by) {
		TicketView ticket = this.tickets.get(ticketId);
		if (!ticket.status().isActive()) {
			throw new IllegalStateException("Only active tickets can be pinned");
		}
		UUID target = agentId != null ? agentId : ticket.assigneeId();
		if (target == null) {
			throw new InvalidInputException("agentId", "give the agent; the ticket has no assignee");
		}
		if (!this.agents.exists(target)) {
			throw new InvalidInputException("agentId", "is not a known agent");
		}
		if (!target.equals(ticket.assigneeId())) {
			ticket = this.tickets.change(ticketId, Router.assign(target), by);
		}
		this.store.pin(ticketId, target, by.id(), this.clock.instant());
		return ticket;
	}

	/** Unpins a ticket; it stays with its assignee. */
	@Transactional
	public boolean unpin(UUID ticketId) {
		this.tickets.get(ticketId);
		return this.store.unpin(ticketId);
	}

	// Offers

	/**
	 * A live chat offered to an agent and waiting for their answer.
	 */
	public record Offer(UUID offerId, UUID ticketId, String ticketNumber, String subject, Instant offeredAt,
			Instant expiresAt) {
	}

	/** The agent's oldest open offer, if any. */
	@Transactional(readOnly = true)
	public Optional<Offer> openOffer(UUID agentId) {
		Instant now = this.clock.instant();
		return this.store.openOfferFor(agentId)
			.filter(offer -> offer.expiresAt().isAfter(now))
			.flatMap(offer -> this.tickets.find(offer.ticketId())
				.map(ticket -> new Offer(offer.id(), ticket.id(), ticket.number(), ticket.subject(), offer.offeredAt(),
						offer.expiresAt())));
	}

	/**
	 * Accepts an offer: the chat is assigned to the agent.
	 * @throws NotFoundException when the offer is not the agent's
	 * @throws IllegalStateException when it is no longer open (answered, withdrawn, timed
	 * out)
	 */
	public TicketView accept(UUID offerId, AgentPrincipal agent) {
		return this.router.accept(offerId, agent.id(), agent.displayName());
	}

	/**
	 * Declines an offer: the chat is offered to the next agent.
	 * @throws NotFoundException when the offer is not the agent's
	 * @throws IllegalStateException when it is no longer open
	 */
	public void decline(UUID offerId, AgentPrincipal agent) {
		this.router.decline(offerId, agent.id());
	}

	// Triggers

	/**
	 * Routes a ticket now if it waits for an agent in a group with automatic assignment.
	 * @return whether it was offered or assigned
	 */
	public boolean route(UUID ticketId) {
		Router.Outcome outcome = this.router.route(ticketId, false);
		return outcome == Router.Outcome.OFFERED || outcome == Router.Outcome.ASSIGNED;
	}

	void routeOpened(UUID ticketId) {
		this.router.route(ticketId, true);
	}

	/**
	 * An agent came online or freed capacity: the heads of their groups' queues are
	 * routed in queue order (priority, service-level deadline, wait), each to whoever
	 * fits best.
	 */
	void pullFor(UUID agentId) {
		Optional<AgentIndex.Slot> slot = this.index.agent(agentId);
		if (slot.isEmpty() || !"online".equals(slot.get().presence())) {
			return;
		}
		AgentPrincipal viewer = this.signIn.principal(agentId);
		for (UUID group : slot.get().groupIds()) {
			List<TicketView> head = this.queries
				.list(new TicketFilter(ACTIVE, null, null, null, true, group, null, null, null, null, null, null,
						TicketFilter.Order.URGENT_FIRST), viewer, null, PULL)
				.items();
			for (TicketView ticket : head) {
				this.router.route(ticket.id(), false);
			}
		}
	}

	/**
	 * The agent went offline: their active live chats that are not pinned go back to the
	 * queue (and are routed anew), and their open offers move on.
	 */
	void releaseLiveChats(UUID agentId) {
		this.router.withdrawOffers(agentId);
		AgentPrincipal viewer = this.signIn.principal(agentId);
		String cursor = null;
		List<UUID> live = new ArrayList<>();
		do {
			var page = this.queries.list(new TicketFilter(ACTIVE, null, null, agentId, false, null, null, null, null,
					null, null, null, TicketFilter.Order.NEWEST), viewer, cursor, 200);
			page.items().stream().filter(t -> t.channel().isLiveChat()).forEach(t -> live.add(t.id()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		live.forEach(ticket -> this.router.takeAway(ticket, agentId));
	}

	void withdrawOffers(UUID agentId) {
		this.router.withdrawOffers(agentId);
	}

	/**
	 * A service-level breach asked for reassignment: the ticket is taken from its
	 * assignee (unless pinned) and routed to someone else.
	 */
	void reassign(UUID ticketId, UUID assigneeId) {
		if (!this.router.takeAway(ticketId, assigneeId)) {
			this.router.route(ticketId, false);
		}
	}

	int expireOffers() {
		int total = 0;
		int batch;
		do {
			batch = this.router.expireOffers(100);
			total += batch;
		}
		while (batch == 100);
		return total;
	}

	// The index and the board

	/**
	 * Rebuilds the in-memory agent index from the database: agents, presence, capacities
	 * and loads (including offers waiting for an answer).
	 */
	public void rebuildIndex() {
		Map<UUID, RoutingStore.PresenceRow> presence = this.store.allPresence();
		Map<UUID, RoutingStore.CapacityOverride> overrides = this.store.capacityOverrides();
		Map<UUID, Capacity> defaults = new HashMap<>();
		this.store.ruledGroups()
			.forEach(group -> this.store.rule(group).ifPresent(rule -> defaults.put(group, rule.capacity())));
		List<AgentIndex.AgentFacts> facts = new ArrayList<>();
		for (AgentView agent : this.agents.all()) {
			if (!agent.enabled()) {
				continue;
			}
			Capacity fallback = agent.groupIds()
				.stream()
				.map(defaults::get)
				.filter(java.util.Objects::nonNull)
				.max(Comparator.comparingInt(Capacity::maxLiveChats).thenComparingInt(Capacity::maxOpenTickets))
				.orElse(GroupRule.defaults(null).capacity());
			RoutingStore.CapacityOverride override = overrides.get(agent.id());
			int live = override != null && override.maxLiveChats() != null ? override.maxLiveChats()
					: fallback.maxLiveChats();
			int open = override != null && override.maxOpenTickets() != null ? override.maxOpenTickets()
					: fallback.maxOpenTickets();
			RoutingStore.PresenceRow row = presence.get(agent.id());
			facts.add(new AgentIndex.AgentFacts(agent.id(), agent.username(), agent.languages(), agent.skills(),
					agent.groupIds(), row == null ? "offline" : row.state().id(), live, open,
					row == null ? null : row.lastAssignedAt()));
		}
		Map<UUID, int[]> loads = new HashMap<>();
		this.queries.workloads()
			.forEach((agent, load) -> loads.put(agent, new int[] { load.liveChats(), load.openTickets() }));
		this.store.openOffersPerAgent()
			.forEach((agent, offers) -> loads.computeIfAbsent(agent, a -> new int[2])[0] += offers);
		this.index.rebuild(facts, loads);
	}

	/**
	 * One agent on the supervisors' board.
	 */
	public record AgentLine(UUID agentId, String displayName, Presence presence, boolean onShift, int liveChats,
			int maxLiveChats, int openTickets, int maxOpenTickets, Set<String> languages, Set<String> skills) {
	}

	/**
	 * One group's queue on the board.
	 *
	 * @param waiting active tickets without an assignee
	 */
	public record QueueLine(UUID groupId, String name, boolean autoAssign, long waiting) {
	}

	/**
	 * What supervisors see: every agent with presence, shift and load against capacity,
	 * and the waiting tickets per group.
	 */
	public record Board(List<AgentLine> agents, List<QueueLine> queues) {
	}

	/**
	 * The supervisors' board.
	 * @throws AccessDeniedException unless the viewer is a supervisor or admin
	 */
	@Transactional(readOnly = true)
	public Board board(AgentPrincipal viewer) {
		if (!viewer.hasRole(Role.SUPERVISOR) && !viewer.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("The routing board is for supervisors");
		}
		Instant now = this.clock.instant();
		Map<UUID, RoutingStore.PresenceRow> presence = this.store.allPresence();
		Map<UUID, Workload> loads = this.queries.workloads();
		List<AgentLine> lines = new ArrayList<>();
		for (AgentView agent : this.agents.all()) {
			if (!agent.enabled()) {
				continue;
			}
			Optional<AgentIndex.Slot> slot = this.index.agent(agent.id());
			Workload load = loads.getOrDefault(agent.id(), new Workload(agent.id(), 0, 0));
			RoutingStore.PresenceRow row = presence.get(agent.id());
			lines.add(new AgentLine(agent.id(), agent.displayName(), row == null ? Presence.OFFLINE : row.state(),
					this.shifts.onShift(agent.id(), now), load.liveChats(),
					slot.map(AgentIndex.Slot::maxLiveChats).orElse(0), load.openTickets(),
					slot.map(AgentIndex.Slot::maxOpenTickets).orElse(0), agent.languages(), agent.skills()));
		}
		lines.sort(Comparator.comparing((AgentLine line) -> line.presence().ordinal())
			.thenComparing(AgentLine::displayName));
		// Waiting tickets per group from the incrementally kept tallies, not a count per
		// group.
		Map<UUID, Long> unassigned = new HashMap<>();
		this.queries.tallies()
			.stream()
			.filter(tally -> tally.assigneeId() == null && tally.groupId() != null)
			.forEach(tally -> unassigned.merge(tally.groupId(), tally.tickets(), Long::sum));
		List<QueueLine> queues = new ArrayList<>();
		for (GroupView group : this.agents.groups()) {
			long waiting = unassigned.getOrDefault(group.id(), 0L);
			queues.add(new QueueLine(group.id(), group.name(),
					this.store.rule(group.id()).map(GroupRule::autoAssign).orElse(false), waiting));
		}
		return new Board(lines, queues);
	}

}
