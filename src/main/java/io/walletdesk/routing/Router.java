package io.walletdesk.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.routing.internal.AgentIndex;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives a waiting ticket to an agent: picks the agent from the in-memory index, then
 * claims the ticket in the database (an advisory lock per ticket and at most one open
 * offer per ticket), so two nodes deciding at once never assign one ticket twice. Live
 * chats are offered and wait for the agent; other tickets are assigned directly when the
 * group's rule says so.
 */
@Component
class Router {

	private static final Logger log = LoggerFactory.getLogger(Router.class);

	private final RoutingStore store;

	private final AgentIndex index;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final ShiftCheck shifts;

	private final OfferNotices notices;

	private final OutOfHoursNotice outOfHours;

	private final Clock clock;

	Router(RoutingStore store, AgentIndex index, TicketManagement tickets, CustomerManagement customers,
			ShiftCheck shifts, OfferNotices notices, OutOfHoursNotice outOfHours, Clock clock) {
		this.store = store;
		this.index = index;
		this.tickets = tickets;
		this.customers = customers;
		this.shifts = shifts;
		this.notices = notices;
		this.outOfHours = outOfHours;
		this.clock = clock;
	}

	/**
	 * What routing did with a ticket.
	 */
	enum Outcome {

		/** Offered to an agent (live chat). */
		OFFERED,
		/** Assigned directly. */
		ASSIGNED,
		/**
		 * Left alone: assigned, offered, pinned, inactive, or its group is not routed.
		 */
		UNCHANGED,
		/** The rule leaves this kind of ticket in the queue for agents to take. */
		QUEUED,
		/** Nobody who qualifies is available; it waits in the queue. */
		NO_AGENT

	}

	/**
	 * Routes a ticket if it waits for an agent.
	 * @param opening whether the customer just opened it (or triage just read it), when
	 * an out-of-hours notice is due if nobody is on shift
	 */
	@Transactional
	Outcome route(UUID ticketId, boolean opening) {
		this.store.lockTicket(ticketId);
		Optional<TicketView> found = this.tickets.find(ticketId);
		if (found.isEmpty()) {
			return Outcome.UNCHANGED;
		}
		TicketView ticket = found.get();
		if (!ticket.status().isActive() || ticket.assigneeId() != null || ticket.groupId() == null
				|| this.store.openOffer(ticketId).isPresent() || this.store.pinnedTo(ticketId).isPresent()) {
			return Outcome.UNCHANGED;
		}
		Optional<GroupRule> configured = this.store.rule(ticket.groupId());
		if (configured.isEmpty()) {
			return Outcome.UNCHANGED;
		}
		GroupRule rule = configured.get();
		Instant now = this.clock.instant();
		String language = language(ticket);
		if (opening) {
			this.outOfHours.postIfClosed(ticket, language, now);
		}
		if (!rule.autoAssign()) {
			return Outcome.UNCHANGED;
		}
		boolean live = ticket.channel().isLiveChat();
		if (!live && !rule.assignTicketsDirectly()) {
			return Outcome.QUEUED;
		}
		AgentIndex.Needs needs = new AgentIndex.Needs(ticket.groupId(),
				rule.languageMustMatch() ? languages(language) : Set.of(), rule.skillFor(ticket.category()), live,
				this.store.excludedAgents(ticketId));
		Optional<UUID> chosen = this.index.choose(needs, agent -> this.shifts.onShift(agent, now));
		if (chosen.isEmpty()) {
			return Outcome.NO_AGENT;
		}
		UUID agent = chosen.get();
		if (live) {
			UUID offerId = UUID.randomUUID();
			Instant expiresAt = now.plus(Duration.ofSeconds(rule.offerTimeoutSeconds()));
			this.store.insertOffer(offerId, ticketId, agent, "offered", now, expiresAt);
			// The offer counts against the agent's capacity at once, so a burst of chats
			// is spread instead of all offered to the same least-loaded agent.
			afterCommit(() -> this.index.hold(ticketId, agent, true));
			this.index.agent(agent)
				.ifPresent(slot -> this.notices.offered(slot.username(),
						new OfferNotices.OfferNotice(offerId, ticketId, ticket.number(), ticket.subject(), expiresAt)));
			return Outcome.OFFERED;
		}
		this.tickets.change(ticketId, assign(agent), Actor.system());
		this.store.insertOffer(UUID.randomUUID(), ticketId, agent, "assigned", now, now);
		assigned(agent, now);
		afterCommit(() -> this.index.hold(ticketId, agent, false));
		return Outcome.ASSIGNED;
	}

	/**
	 * The agent takes an offered chat.
	 * @throws NotFoundException when the offer is not this agent's
	 * @throws IllegalStateException when the offer was answered, withdrawn or timed out
	 */
	@Transactional
	TicketView accept(UUID offerId, UUID agentId, String agentName) {
		RoutingStore.OfferRow offer = ownOffer(offerId, agentId);
		Instant now = this.clock.instant();
		if (!"offered".equals(offer.state()) || !offer.expiresAt().isAfter(now)) {
			throw new IllegalStateException("The offer is no longer open");
		}
		this.store.answerOffer(offerId, "accepted", now);
		TicketView ticket = this.tickets.change(offer.ticketId(), assign(agentId), Actor.agent(agentId, agentName));
		assigned(agentId, now);
		return ticket;
	}

	/**
	 * The agent turns an offered chat down; it moves on to the next agent.
	 * @throws NotFoundException when the offer is not this agent's
	 * @throws IllegalStateException when the offer is no longer open
	 */
	@Transactional
	Outcome decline(UUID offerId, UUID agentId) {
		RoutingStore.OfferRow offer = ownOffer(offerId, agentId);
		if (!"offered".equals(offer.state())) {
			throw new IllegalStateException("The offer is no longer open");
		}
		this.store.answerOffer(offerId, "declined", this.clock.instant());
		afterCommit(() -> this.index.hold(offer.ticketId(), null, true));
		return route(offer.ticketId(), false);
	}

	/**
	 * Expires offers whose time is up and moves each chat on to the next agent. Rows
	 * another node is handling are skipped, and an expired offer is no longer
	 * {@code offered}, so a restart or a second node never handles one twice.
	 * @return how many offers expired
	 */
	@Transactional
	int expireOffers(int limit) {
		Instant now = this.clock.instant();
		List<RoutingStore.OfferRow> expired = this.store.claimExpired(now, limit);
		for (RoutingStore.OfferRow offer : expired) {
			this.store.answerOffer(offer.id(), "expired", now);
			afterCommit(() -> this.index.hold(offer.ticketId(), null, true));
			route(offer.ticketId(), false);
		}
		return expired.size();
	}

	/**
	 * Withdraws the agent's open offers (they went away or offline) and moves those chats
	 * on.
	 */
	@Transactional
	void withdrawOffers(UUID agentId) {
		Instant now = this.clock.instant();
		Optional<RoutingStore.OfferRow> open;
		while ((open = this.store.openOfferFor(agentId)).isPresent()) {
			RoutingStore.OfferRow offer = open.get();
			this.store.answerOffer(offer.id(), "withdrawn", now);
			afterCommit(() -> this.index.hold(offer.ticketId(), null, true));
			route(offer.ticketId(), false);
		}
	}

	/**
	 * Takes a ticket away from its assignee (unless pinned) and remembers not to give it
	 * back to them; the unassignment then routes it anew.
	 * @return whether it was taken away
	 */
	@Transactional
	boolean takeAway(UUID ticketId, UUID expectedAssignee) {
		this.store.lockTicket(ticketId);
		Optional<TicketView> ticket = this.tickets.find(ticketId);
		if (ticket.isEmpty() || ticket.get().assigneeId() == null || !ticket.get().status().isActive()
				|| (expectedAssignee != null && !expectedAssignee.equals(ticket.get().assigneeId()))
				|| this.store.pinnedTo(ticketId).isPresent()) {
			return false;
		}
		Instant now = this.clock.instant();
		this.store.insertOffer(UUID.randomUUID(), ticketId, ticket.get().assigneeId(), "taken_away", now, now);
		this.tickets.change(ticketId, unassign(), Actor.system());
		return true;
	}

	private RoutingStore.OfferRow ownOffer(UUID offerId, UUID agentId) {
		return this.store.offerForUpdate(offerId)
			.filter(offer -> offer.agentId().equals(agentId))
			.orElseThrow(() -> new NotFoundException("offer", offerId));
	}

	private void assigned(UUID agentId, Instant now) {
		this.store.assigned(agentId, now);
		afterCommit(() -> this.index.assignedAt(agentId, now));
	}

	/**
	 * The ticket's language as triage read it, else the customer's preferred one.
	 */
	private String language(TicketView ticket) {
		String language = AgentIndex.primary(ticket.language());
		if (language == null) {
			try {
				language = AgentIndex.primary(this.customers.profile(ticket.requesterId()).preferredLanguage());
			}
			catch (RuntimeException ex) {
				log.debug("No profile for customer {}", ticket.requesterId(), ex);
			}
		}
		return language;
	}

	/**
	 * The languages an agent may speak to qualify; a customer who mixes Chinese and
	 * English is served in either.
	 */
	static Set<String> languages(String language) {
		if (language == null) {
			return Set.of();
		}
		return "mixed".equals(language) ? Set.of("zh", "en") : Set.of(language);
	}

	static ChangeTicket assign(UUID agentId) {
		return new ChangeTicket(null, null, null, Optional.of(agentId), null, null);
	}

	static ChangeTicket unassign() {
		return new ChangeTicket(null, null, null, Optional.empty(), null, null);
	}

	static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
