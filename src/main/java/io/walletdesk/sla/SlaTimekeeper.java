package io.walletdesk.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomerView;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each ticket's timers in step with the ticket: picks the policy, starts, pauses,
 * resumes, completes and recomputes timers, and records the earliest deadline on the
 * ticket for the queue order.
 *
 * <p>
 * Events of one ticket may be handled in parallel and out of order (they are delivered
 * asynchronously and replayed after a crash), so every step takes the ticket's advisory
 * lock, first makes sure the ticket has its policy and opening timers, and then reads the
 * ticket's current state rather than trusting the event alone.
 */
@Service
class SlaTimekeeper {

	static final String FIRST_RESPONSE = "firstResponse";

	static final String NEXT_RESPONSE = "nextResponse";

	static final String PERIODIC_UPDATE = "periodicUpdate";

	static final String RESOLUTION = "resolution";

	private final SlaStore store;

	private final Calendars calendars;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final Clock clock;

	SlaTimekeeper(SlaStore store, Calendars calendars, TicketManagement tickets, CustomerManagement customers,
			Clock clock) {
		this.store = store;
		this.calendars = calendars;
		this.tickets = tickets;
		this.customers = customers;
		this.clock = clock;
	}

	/** A new ticket: picks its policy and starts first response and resolution. */
	@Transactional
	public void opened(UUID ticketId) {
		withTicket(ticketId, (ticket, sla) -> reconcileStatus(ticket, sla, false));
	}

	/**
	 * An agent's public reply meets the first and next response; any public reply while
	 * on hold restarts the periodic update.
	 */
	@Transactional
	public void replied(UUID ticketId, UUID messageId, AuthorKind author, Visibility visibility) {
		if (visibility != Visibility.PUBLIC) {
			return;
		}
		withTicket(ticketId, (ticket, sla) -> {
			Instant at = this.tickets.message(messageId)
				.map(TicketView.MessageView::receivedAt)
				.orElse(this.clock.instant());
			List<Timer> running = this.store.running(ticketId);
			if (author == AuthorKind.AGENT) {
				for (Timer timer : running) {
					if (timer.target().equals(FIRST_RESPONSE) || timer.target().equals(NEXT_RESPONSE)) {
						this.store.update(timer.complete(at));
					}
				}
				// A first response the sweep already marked missed is recorded late.
				this.store.timers(ticketId)
					.stream()
					.filter(t -> t.target().equals(FIRST_RESPONSE) && Timer.MISSED.equals(t.state())
							&& t.metAt() == null)
					.forEach(t -> this.store.update(t.complete(at)));
			}
			if (ticket.status() == TicketStatus.ON_HOLD) {
				running.stream()
					.filter(t -> t.target().equals(PERIODIC_UPDATE))
					.forEach(t -> this.store.update(t.complete(at)));
				start(ticket, sla, PERIODIC_UPDATE, at);
			}
		});
	}

	/**
	 * A customer wrote after an agent's reply: the next response is due.
	 */
	@Transactional
	public void customerWrote(UUID ticketId, UUID messageId) {
		withTicket(ticketId, (ticket, sla) -> {
			if (ticket.firstResponseAt() == null || !ticket.status().isActive()) {
				return;
			}
			List<Timer> running = this.store.running(ticketId);
			if (running.stream().anyMatch(t -> t.target().equals(FIRST_RESPONSE) || t.target().equals(NEXT_RESPONSE))) {
				return;
			}
			Instant at = this.tickets.message(messageId)
				.map(TicketView.MessageView::receivedAt)
				.orElse(this.clock.instant());
			if (ticket.lastAgentMessageAt() != null && ticket.lastAgentMessageAt().isAfter(at)) {
				// Already answered by the time this (replayed) event arrives.
				return;
			}
			start(ticket, sla, NEXT_RESPONSE, at);
			if (ticket.status() == TicketStatus.PENDING) {
				pauseAll(ticket, sla);
			}
		});
	}

	/**
	 * Fields of the ticket changed: status moves pause, resume, start or stop timers;
	 * priority, category, channel or group re-pick the policy; a new assignee is noted
	 * for warnings.
	 */
	@Transactional
	public void changed(UUID ticketId, Set<String> fields) {
		withTicket(ticketId, (ticket, sla) -> {
			SlaStore.TicketSla current = sla;
			if (fields.contains("priority") || fields.contains("category") || fields.contains("channel")
					|| fields.contains("group") || fields.contains("groupId") || fields.contains("triage")) {
				current = repick(ticket, sla);
			}
			if (fields.contains("assignee") || fields.contains("assigneeId") || fields.contains("group")
					|| fields.contains("groupId")) {
				for (Timer timer : this.store.running(ticketId)) {
					this.store.update(timer.assignedTo(ticket.assigneeId(), ticket.groupId()));
				}
			}
			reconcileStatus(ticket, current, fields.contains("status"));
		});
	}

	private void withTicket(UUID ticketId, Step step) {
		this.store.lockTicket(ticketId);
		Optional<TicketView> found = this.tickets.find(ticketId);
		if (found.isEmpty()) {
			return;
		}
		TicketView ticket = found.get();
		SlaStore.TicketSla sla = this.store.ticket(ticketId).orElse(null);
		if (sla == null) {
			sla = begin(ticket);
		}
		if (sla.policyId() != null) {
			step.run(ticket, sla);
		}
		this.tickets.recordSlaDeadline(ticketId, this.store.earliestActiveDue(ticketId));
	}

	/**
	 * Picks the policy of a ticket seen for the first time and starts its opening timers.
	 */
	private SlaStore.TicketSla begin(TicketView ticket) {
		SlaPolicy policy = pick(ticket).orElse(null);
		SlaStore.TicketSla sla = describe(policy, ticket);
		this.store.saveTicket(ticket.id(), sla, this.clock.instant());
		if (policy != null) {
			if (ticket.firstResponseAt() == null) {
				start(ticket, sla, FIRST_RESPONSE, ticket.createdAt());
			}
			if (ticket.status().isActive()) {
				start(ticket, sla, RESOLUTION, ticket.createdAt());
			}
		}
		return sla;
	}

	private SlaStore.TicketSla describe(SlaPolicy policy, TicketView ticket) {
		if (policy == null) {
			return new SlaStore.TicketSla(null, "", null, ticket.groupId());
		}
		SlaCalendar calendar = this.calendars.choose(policy, ticket.groupId());
		return new SlaStore.TicketSla(policy.id(), policy.name(), calendar == null ? null : calendar.id(),
				ticket.groupId());
	}

	/** The first enabled policy, by position, whose conditions match the ticket. */
	Optional<SlaPolicy> pick(TicketView ticket) {
		String tier = this.customers.find(ticket.requesterId()).map(CustomerView::tier).orElse(null);
		return this.store.policies()
			.stream()
			.filter(SlaPolicy::enabled)
			.filter(p -> ticket.priority() != null && p.priority().equals(ticket.priority().id()))
			.filter(p -> p.channel() == null || (ticket.channel() != null && p.channel().equals(ticket.channel().id())))
			.filter(p -> p.category() == null
					|| (ticket.category() != null && p.category().equals(ticket.category().id())))
			.filter(p -> p.customerTier() == null || p.customerTier().equals(tier))
			.findFirst();
	}

	/**
	 * Re-picks the policy and calendar; running timers are recomputed from their original
	 * start under the new targets, targets the new policy lacks stop, and opening targets
	 * it adds start from the ticket's creation.
	 */
	private SlaStore.TicketSla repick(TicketView ticket, SlaStore.TicketSla before) {
		SlaPolicy policy = pick(ticket).orElse(null);
		SlaStore.TicketSla after = describe(policy, ticket);
		if (Objects.equals(after.policyId(), before.policyId())
				&& Objects.equals(after.calendarId(), before.calendarId())) {
			return before;
		}
		this.store.saveTicket(ticket.id(), after, this.clock.instant());
		Instant now = this.clock.instant();
		BusinessCalendar calendar = this.calendars.of(after.calendarId());
		List<Timer> all = this.store.timers(ticket.id());
		for (Timer timer : all) {
			if (!timer.running()) {
				continue;
			}
			Integer minutes = policy == null ? null : policy.minutes(timer.target());
			if (minutes == null) {
				// The new policy does not promise this target: it was never owed.
				this.store.delete(timer.id());
			}
			else {
				this.store.update(timer.recompute(minutes, policy.name(), calendar, now));
			}
		}
		if (policy != null) {
			if (ticket.firstResponseAt() == null && all.stream().noneMatch(t -> t.target().equals(FIRST_RESPONSE))) {
				start(ticket, after, FIRST_RESPONSE, ticket.createdAt());
			}
			if (ticket.status().isActive() && all.stream().noneMatch(t -> t.target().equals(RESOLUTION))) {
				start(ticket, after, RESOLUTION, ticket.createdAt());
			}
		}
		return after;
	}

	/** Brings the timers in line with the ticket's current status. */
	private void reconcileStatus(TicketView ticket, SlaStore.TicketSla sla, boolean statusChanged) {
		if (sla.policyId() == null) {
			return;
		}
		Instant now = this.clock.instant();
		BusinessCalendar calendar = this.calendars.of(sla.calendarId());
		List<Timer> running = this.store.running(ticket.id());
		switch (ticket.status()) {
			case SOLVED, CLOSED -> {
				running.forEach(t -> this.store.update(t.complete(now)));
				// A resolution the sweep marked missed is recorded as solved, late.
				this.store.timers(ticket.id())
					.stream()
					.filter(t -> t.target().equals(RESOLUTION) && Timer.MISSED.equals(t.state()) && t.metAt() == null)
					.forEach(t -> this.store.update(t.complete(now)));
			}
			case PENDING -> pauseAll(ticket, sla);
			case NEW, OPEN, ON_HOLD -> {
				for (Timer timer : running) {
					if (timer.target().equals(PERIODIC_UPDATE) && ticket.status() != TicketStatus.ON_HOLD) {
						// Leaving on hold ends the promise of updates.
						this.store.update(timer.complete(now));
					}
					else if (Timer.PAUSED.equals(timer.state())) {
						this.store.update(timer.resume(now, calendar));
					}
				}
				if (ticket.status() == TicketStatus.ON_HOLD
						&& running.stream().noneMatch(t -> t.target().equals(PERIODIC_UPDATE))) {
					start(ticket, sla, PERIODIC_UPDATE, now);
				}
				if (statusChanged && running.stream().noneMatch(t -> t.target().equals(RESOLUTION))
						&& reopened(ticket.id())) {
					// Reopened after it was solved: a new resolution run.
					start(ticket, sla, RESOLUTION, now);
				}
			}
		}
	}

	/**
	 * Whether the last resolution run ended with the ticket solved (its work recorded),
	 * rather than missed by the sweep while the ticket stayed open.
	 */
	private boolean reopened(UUID ticketId) {
		List<Timer> resolutions = this.store.timers(ticketId)
			.stream()
			.filter(t -> t.target().equals(RESOLUTION))
			.toList();
		return !resolutions.isEmpty() && resolutions.get(resolutions.size() - 1).metAt() != null;
	}

	private void pauseAll(TicketView ticket, SlaStore.TicketSla sla) {
		Instant now = this.clock.instant();
		BusinessCalendar calendar = this.calendars.of(sla.calendarId());
		this.store.running(ticket.id())
			.stream()
			.filter(t -> Timer.ACTIVE.equals(t.state()))
			.forEach(t -> this.store.update(t.pause(now, calendar)));
	}

	private void start(TicketView ticket, SlaStore.TicketSla sla, String target, Instant at) {
		if (sla.policyId() == null) {
			return;
		}
		SlaPolicy policy = this.store.policy(sla.policyId()).orElse(null);
		Integer minutes = policy == null ? null : policy.minutes(target);
		if (minutes == null || this.store.running(ticket.id()).stream().anyMatch(t -> t.target().equals(target))) {
			return;
		}
		this.store.insert(Timer.start(ticket.id(), target, minutes, policy.name(), at,
				this.calendars.of(sla.calendarId()), ticket.groupId(), ticket.assigneeId()));
	}

	@FunctionalInterface
	private interface Step {

		void run(TicketView ticket, SlaStore.TicketSla sla);

	}

}
