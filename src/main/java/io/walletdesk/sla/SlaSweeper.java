package io.walletdesk.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.walletdesk.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires warnings and breaches. Each batch claims its rows with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, changes their state and publishes the events
 * in one transaction: another node sweeping at the same moment skips the claimed rows, a
 * row whose state changed is never claimed again, and the event publication registry
 * stores the events with the state change, so a crash after the commit replays them
 * rather than losing or repeating them. Rows that fell due while no node ran are simply
 * due on the next sweep.
 */
@Component
class SlaSweeper {

	private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);

	private final SlaStore store;

	private final TicketManagement tickets;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final SlaSettings settings;

	private final Clock clock;

	SlaSweeper(SlaStore store, TicketManagement tickets, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, SlaSettings settings, Clock clock) {
		this.store = store;
		this.tickets = tickets;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${walletdesk.sla.sweep-interval:5s}",
			initialDelayString = "${walletdesk.sla.sweep-interval:5s}")
	void scheduled() {
		if (!this.settings.sweepEnabled()) {
			return;
		}
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// The claimed rows rolled back with the failure and are due again next time.
			log.warn("SLA sweep failed; it runs again in {}", this.settings.sweepInterval(), ex);
		}
	}

	/**
	 * Sweeps until nothing is due: warnings first, then breaches.
	 * @return the timers this call warned and breached
	 */
	Result sweep() {
		List<UUID> warned = new ArrayList<>();
		List<UUID> breached = new ArrayList<>();
		int batch = Math.max(1, this.settings.sweepBatch());
		Instant now = this.clock.instant();
		List<UUID> done;
		do {
			done = this.transactions.execute(status -> warnBatch(now, batch));
			warned.addAll(done);
		}
		while (done.size() == batch);
		do {
			done = this.transactions.execute(status -> breachBatch(now, batch));
			breached.addAll(done);
		}
		while (done.size() == batch);
		return new Result(warned, breached);
	}

	private List<UUID> warnBatch(Instant now, int batch) {
		List<Timer> due = this.store.claimWarnings(now, batch);
		for (Timer timer : due) {
			this.events.publishEvent(new SlaWarned(timer.ticketId(), timer.policyName(), timer.target(), timer.dueAt(),
					timer.assigneeId(), timer.groupId()));
		}
		return due.stream().map(Timer::id).toList();
	}

	private List<UUID> breachBatch(Instant now, int batch) {
		List<Timer> due = this.store.claimDue(now, batch);
		Map<UUID, Set<String>> actions = new HashMap<>();
		Set<UUID> ticketIds = new LinkedHashSet<>();
		for (Timer timer : due) {
			Set<String> asks = actions.computeIfAbsent(timer.ticketId(), this::actionsOf);
			this.events.publishEvent(new SlaBreached(timer.ticketId(), timer.policyName(), timer.target(),
					timer.dueAt(), asks, timer.assigneeId(), timer.groupId()));
			ticketIds.add(timer.ticketId());
		}
		// The missed timers no longer order the queue; the next running one does.
		ticketIds.forEach(id -> this.tickets.recordSlaDeadline(id, this.store.earliestActiveDue(id)));
		return due.stream().map(Timer::id).toList();
	}

	private Set<String> actionsOf(UUID ticketId) {
		return this.store.ticket(ticketId)
			.flatMap(sla -> sla.policyId() == null ? java.util.Optional.empty() : this.store.policy(sla.policyId()))
			.map(policy -> Set.copyOf(policy.actions()))
			.orElse(Set.of("notify"));
	}

	/** What one sweep fired, by timer id. */
	record Result(List<UUID> warned, List<UUID> breached) {
	}

}
