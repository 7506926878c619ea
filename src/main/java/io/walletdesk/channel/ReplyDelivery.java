package io.walletdesk.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import io.walletdesk.audit.AuditLog;
import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.Outbound;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.ReplyDeliveryChanged;
import io.walletdesk.ticket.ReplyPosted;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends every public reply back on the channel its conversation came from.
 * <p>
 * The first attempt runs as a listener of {@link ReplyPosted}, whose publication stays
 * incomplete in the event registry until the attempt concluded (sent, or failed and
 * recorded), so a process that dies in the middle of a send sends again after restart,
 * with the same message id. A refused attempt is recorded as {@code failed} with the time
 * of the next attempt (exponential backoff with jitter, see {@link DeliverySettings});
 * {@link #retryDue()} picks due replies up and runs them on one lane per inbox, so a
 * failing or slow channel never holds up the replies of another. After too many attempts
 * or too long, the reply stays failed until an agent retries it. Only one attempt per
 * reply is in flight at a time: starting one takes a lease ({@code sending_since}) in the
 * same update that moves the row to {@code sending}.
 */
@Component
class ReplyDelivery {

	private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

	private static final int MAX_ERROR_CHARS = 1000;

	private static final java.time.Duration ORDER_WAIT = java.time.Duration.ofSeconds(5);

	private final ChannelIntake intake;

	private final InboxManagement inboxes;

	private final ChannelAdapters adapters;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	private final DeliverySettings settings;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	// One single-threaded lane per inbox: retries of one channel wait for each other,
	// never
	// for another channel's.
	private final Map<UUID, ExecutorService> lanes = new ConcurrentHashMap<>();

	// Replies handed to a lane and not yet run, so a slow lane is not handed them again.
	private final Set<UUID> queued = ConcurrentHashMap.newKeySet();

	ReplyDelivery(ChannelIntake intake, InboxManagement inboxes, ChannelAdapters adapters, TicketManagement tickets,
			CustomerManagement customers, JdbcClient jdbc, PlatformTransactionManager transactions,
			DeliverySettings settings, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.intake = intake;
		this.inboxes = inboxes;
		this.adapters = adapters;
		this.tickets = tickets;
		this.customers = customers;
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.settings = settings;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ReplyPosted event) {
		if (event.visibility() != Visibility.PUBLIC) {
			return;
		}
		attempt(event.ticketId(), event.messageId(), false);
	}

	/**
	 * Hands replies whose backoff ran out to their inbox's lane.
	 */
	@Scheduled(fixedDelayString = "${walletdesk.channel.delivery.poll-interval:5s}", initialDelayString = "5s")
	void retryDue() {
		List<Due> due = this.jdbc.sql("""
				select message_id, ticket_id, inbox_id from channel_delivery
				where status = 'failed' and next_attempt_at <= ? or status = 'sending' and sending_since < ?
				order by created_at limit 200""")
			.params(Timestamp.from(this.clock.instant()), leaseStart())
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class)))
			.list();
		for (Due reply : due) {
			runInLane(reply, () -> {
				if (claimDue(reply.messageId())) {
					attempt(reply.ticketId(), reply.messageId(), true);
				}
			});
		}
	}

	/**
	 * Sends a failed reply again at once and starts a new round of attempts; audited.
	 * @throws NotFoundException when the reply has no delivery on this ticket
	 * @throws IllegalStateException when the reply has not failed
	 */
	void retryNow(UUID ticketId, UUID messageId, Actor by) {
		Due reply = this.separate.execute(status -> {
			Timestamp now = Timestamp.from(this.clock.instant());
			Optional<Due> claimed = this.jdbc.sql("""
					update channel_delivery set status = 'sending', attempts = attempts + 1, round_attempts = 1,
					       round_started_at = ?, next_attempt_at = null, sending_since = ?
					where message_id = ? and ticket_id = ? and status = 'failed'
					returning message_id, ticket_id, inbox_id""")
				.params(now, now, messageId, ticketId)
				.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getObject(3, UUID.class)))
				.optional();
			if (claimed.isEmpty()) {
				Optional<String> state = this.jdbc
					.sql("select status from channel_delivery where message_id = ? and ticket_id = ?")
					.params(messageId, ticketId)
					.query(String.class)
					.optional();
				if (state.isEmpty()) {
					throw new NotFoundException("Delivery", messageId);
				}
				throw new IllegalStateException("The reply is " + state.get() + ", not failed");
			}
			this.audit.record("delivery_retried", by.kind().id(), by.id(), by.name(), ticketId,
					"reply " + messageId + " sent again by hand");
			this.events.publishEvent(new ReplyDeliveryChanged(ticketId, messageId));
			return claimed.get();
		});
		runInLane(reply, () -> attempt(reply.ticketId(), reply.messageId(), true));
	}

	/**
	 * One attempt to hand a reply to its channel.
	 * @param claimed the caller already moved the delivery to {@code sending} and counted
	 * the attempt
	 */
	private void attempt(UUID ticketId, UUID messageId, boolean claimed) {
		Optional<ChannelIntake.Thread> thread = this.intake.threadOf(ticketId);
		if (thread.isEmpty()) {
			return;
		}
		InboxView inbox = this.inboxes.find(thread.get().inboxId()).orElseThrow();
		Optional<ChannelAdapter> adapter = this.adapters.forKind(inbox.kind());
		if (adapter.isEmpty()) {
			return;
		}
		TicketView ticket = this.tickets.get(ticketId);
		TicketView.MessageView reply = this.tickets.message(messageId).orElseThrow();
		String language = this.customers.get(thread.get().customerId()).preferredLanguage();
		Outbound outbound = new Outbound(inbox.id(), inbox.settings(), thread.get().threadKey(),
				thread.get().recipient(), ticket.number(), ticket.subject(), reply.body(), reply.bodyHtml(),
				ticket.id(), reply.id(), language);
		if (!claimed) {
			awaitEarlierReplies(ticketId, reply);
		}
		// Committed before the channel is called: a crash in the middle of the send
		// leaves "sending" behind, and the retry after restart carries the same message
		// id (the idempotency key for channels that honour one).
		if (!claimed && !Boolean.TRUE
			.equals(this.separate.execute(status -> startAttempt(ticketId, messageId, inbox.id())))) {
			return;
		}
		try {
			String externalId = adapter.get().deliver(outbound);
			this.separate.executeWithoutResult(status -> sent(ticketId, messageId, externalId));
		}
		catch (Exception ex) {
			log.warn("Could not deliver reply {} of {} through {}: {}", messageId, ticket.number(), inbox.kind(),
					ex.getMessage());
			this.separate.executeWithoutResult(status -> failed(ticketId, messageId, reason(ex)));
		}
	}

	/**
	 * Replies posted together (the safety warning and the acknowledgement of a new
	 * ticket) are delivered by parallel listeners; a reply waits a little for the
	 * ticket's earlier replies to conclude, so the customer reads them in the order they
	 * were written. The wait is bounded: a stuck earlier reply delays a later one by
	 * {@link #ORDER_WAIT} at most.
	 */
	private void awaitEarlierReplies(UUID ticketId, TicketView.MessageView reply) {
		List<UUID> earlier = new java.util.ArrayList<>();
		// Only replies of the same burst, posted moments before this one: older ones have
		// concluded or are retried on their own, and waiting for them would let a backlog
		// of replies to a busy conversation hold every delivery thread.
		Instant burst = reply.receivedAt().minus(BURST);
		for (TicketView.MessageView message : this.tickets.details(ticketId).messages()) {
			if (message.id().equals(reply.id())) {
				break;
			}
			if (message.visibility() == Visibility.PUBLIC
					&& message.authorKind() != io.walletdesk.ticket.AuthorKind.CUSTOMER
					&& !message.receivedAt().isBefore(burst)) {
				earlier.add(message.id());
			}
		}
		long deadline = System.nanoTime() + ORDER_WAIT.toNanos();
		for (UUID other : earlier) {
			while (!concluded(other) && System.nanoTime() < deadline) {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Replies posted within this time of each other go out in order. */
	private static final java.time.Duration BURST = java.time.Duration.ofSeconds(2);

	private boolean concluded(UUID messageId) {
		return this.jdbc.sql("select count(*) from channel_delivery where message_id = ? and status <> 'sending'")
			.param(messageId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Moves the delivery to {@code sending} and counts the attempt, unless the reply was
	 * sent already.
	 * @return whether to send
	 */
	private boolean startAttempt(UUID ticketId, UUID messageId, UUID inboxId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int changed = this.jdbc.sql("""
				insert into channel_delivery (id, message_id, ticket_id, inbox_id, status, attempts, round_attempts,
				                              round_started_at, sending_since, created_at)
				values (?, ?, ?, ?, 'sending', 1, 1, ?, ?, ?)
				on conflict (message_id) do update set
				    status = 'sending', attempts = channel_delivery.attempts + 1,
				    round_attempts = channel_delivery.round_attempts + 1, next_attempt_at = null,
				    sending_since = excluded.sending_since
				where channel_delivery.status not in ('sent', 'delivered', 'read')
				  and (channel_delivery.status <> 'sending' or channel_delivery.sending_since is null
				       or channel_delivery.sending_since < ?)""")
			.params(UUID.randomUUID(), messageId, ticketId, inboxId, now, now, now, leaseStart())
			.update();
		if (changed > 0) {
			this.events.publishEvent(new ReplyDeliveryChanged(ticketId, messageId));
			return true;
		}
		if (alreadySent(messageId)) {
			return false;
		}
		// Another attempt holds the lease (or a crashed one's lease has not run out yet):
		// leave the publication incomplete, so this is tried again later rather than lost
		// or sent twice at once.
		throw new AttemptInFlightException(messageId);
	}

	private boolean alreadySent(UUID messageId) {
		return this.jdbc.sql(
				"select count(*) from channel_delivery where message_id = ? and status in ('sent', 'delivered', 'read')")
			.param(messageId)
			.query(Integer.class)
			.single() > 0;
	}

	private Timestamp leaseStart() {
		return Timestamp.from(this.clock.instant().minus(this.settings.sendingLease()));
	}

	private boolean claimDue(UUID messageId) {
		Optional<UUID> ticketId = this.jdbc.sql("""
				update channel_delivery set status = 'sending', attempts = attempts + 1,
				       round_attempts = round_attempts + 1, next_attempt_at = null, sending_since = ?
				where message_id = ? and (status = 'failed' and next_attempt_at <= ?
				                          or status = 'sending' and sending_since < ?)
				returning ticket_id""")
			.params(Timestamp.from(this.clock.instant()), messageId, Timestamp.from(this.clock.instant()), leaseStart())
			.query(UUID.class)
			.optional();
		ticketId.ifPresent(id -> this.events.publishEvent(new ReplyDeliveryChanged(id, messageId)));
		return ticketId.isPresent();
	}

	private void sent(UUID ticketId, UUID messageId, String externalId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		// A state the customer's device already reported (delivered, read) is never moved
		// back.
		this.jdbc.sql("""
				update channel_delivery set
				    status = case when status in ('delivered', 'read') then status else 'sent' end,
				    last_error = null, next_attempt_at = null,
				    external_id = coalesce(?, external_id), sent_at = coalesce(sent_at, ?)
				where message_id = ?""").params(externalId, now, messageId).update();
		this.events.publishEvent(new ReplyDeliveryChanged(ticketId, messageId));
	}

	private void failed(UUID ticketId, UUID messageId, String reason) {
		Instant now = this.clock.instant();
		Optional<Round> round = this.jdbc
			.sql("select round_attempts, coalesce(round_started_at, created_at) from channel_delivery "
					+ "where message_id = ?")
			.param(messageId)
			.query((rs, n) -> new Round(rs.getInt(1), rs.getTimestamp(2).toInstant()))
			.optional();
		if (round.isEmpty()) {
			return;
		}
		boolean giveUp = round.get().attempts() >= this.settings.maxAttempts()
				|| !round.get().startedAt().plus(this.settings.maxAge()).isAfter(now);
		Instant next = giveUp ? null
				: now.plus(this.settings.backoff(round.get().attempts(), ThreadLocalRandom.current().nextDouble()));
		if (giveUp) {
			log.warn("Gave up delivering reply {} after {} attempts: {}", messageId, round.get().attempts(), reason);
		}
		this.jdbc.sql("""
				update channel_delivery set status = 'failed', last_error = ?, next_attempt_at = ?
				where message_id = ? and status = 'sending'""")
			.params(reason, next == null ? null : Timestamp.from(next), messageId)
			.update();
		this.events.publishEvent(new ReplyDeliveryChanged(ticketId, messageId));
	}

	private void runInLane(Due reply, Runnable work) {
		if (!this.queued.add(reply.messageId())) {
			return;
		}
		this.lanes.computeIfAbsent(reply.inboxId(), ReplyDelivery::lane).execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.warn("Retry of reply {} failed: {}", reply.messageId(), ex.getMessage(), ex);
			}
			finally {
				this.queued.remove(reply.messageId());
			}
		});
	}

	private static ExecutorService lane(UUID inboxId) {
		return Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "delivery-" + inboxId.toString().substring(0, 8));
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		this.lanes.values().forEach(ExecutorService::shutdownNow);
	}

	private static String reason(Exception ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) : message;
	}

	/**
	 * Another attempt of the same reply is in flight; thrown so the reply's event stays
	 * incomplete and is tried again.
	 */
	static class AttemptInFlightException extends RuntimeException {

		AttemptInFlightException(UUID messageId) {
			super("An attempt to deliver reply " + messageId + " is in flight");
		}

	}

	private record Due(UUID messageId, UUID ticketId, UUID inboxId) {
	}

	private record Round(int attempts, Instant startedAt) {
	}

}
