package io.walletdesk.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.ChannelCheck;
import io.walletdesk.channel.spi.ChannelSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The health of every inbox: traffic and delivery figures from the database, refused
 * requests from memory, missing credentials from the environment, and the adapters' live
 * checks ({@link ChannelAdapter#health}). Live checks call the channels' APIs, so they
 * run in the background every {@code walletdesk.channel.health.check-interval} (5
 * minutes), each inbox on its own thread, and pages show the cached result: a page view
 * never waits for Telegram, and a hanging check of one inbox delays no other.
 */
@Service
public class ChannelHealth implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChannelHealth.class);

	static final Duration DAY = Duration.ofHours(24);

	static final Duration STUCK = Duration.ofMinutes(5);

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

	private final InboxManagement inboxes;

	private final ChannelAdapters adapters;

	private final ChannelRefusals refusals;

	private final JdbcClient jdbc;

	private final Environment environment;

	private final Clock clock;

	private final Map<UUID, Checked> checks = new ConcurrentHashMap<>();

	private final Map<UUID, Future<?>> running = new ConcurrentHashMap<>();

	private final AtomicInteger threads = new AtomicInteger();

	private final ExecutorService checkers = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "channel-check-" + this.threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	ChannelHealth(InboxManagement inboxes, ChannelAdapters adapters, ChannelRefusals refusals, JdbcClient jdbc,
			Environment environment, Clock clock) {
		this.inboxes = inboxes;
		this.adapters = adapters;
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.environment = environment;
		this.clock = clock;
	}

	/** Every inbox's health, in the order of the inbox list. */
	public List<InboxHealth> all() {
		return this.inboxes.all().stream().map(this::of).toList();
	}

	public Optional<InboxHealth> of(UUID inboxId) {
		return this.inboxes.find(inboxId).map(this::of);
	}

	/**
	 * Starts a live check of every enabled inbox whose previous check has finished, in
	 * the background.
	 */
	@Scheduled(fixedDelayString = "${walletdesk.channel.health.check-interval:5m}",
			initialDelayString = "${walletdesk.channel.health.initial-delay:30s}")
	public void checkAll() {
		for (InboxView inbox : this.inboxes.all()) {
			if (inbox.enabled()) {
				this.running.compute(inbox.id(), (id, previous) -> previous != null && !previous.isDone() ? previous
						: this.checkers.submit(() -> check(inbox)));
			}
		}
	}

	/**
	 * Checks every enabled inbox now and waits for the results (at most 30 seconds per
	 * inbox, all in parallel).
	 */
	public void checkNow() {
		checkAll();
		Instant deadline = this.clock.instant().plus(CHECK_TIMEOUT);
		for (Future<?> check : List.copyOf(this.running.values())) {
			try {
				check.get(Math.max(0, Duration.between(this.clock.instant(), deadline).toMillis()),
						TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				// Left running; its result shows on a later view.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// check() records its own failures.
			}
		}
	}

	private void check(InboxView inbox) {
		ChannelCheck result;
		try {
			result = this.adapters.forKind(inbox.kind())
				.map(adapter -> adapter.health(inbox))
				.orElse(ChannelCheck.ok());
		}
		catch (RuntimeException ex) {
			log.warn("Health check of inbox {} ({}) failed: {}", inbox.name(), inbox.id(), ex.toString());
			result = ChannelCheck.failing("The check failed: " + ex.getClass().getSimpleName());
		}
		this.checks.put(inbox.id(), new Checked(result, this.clock.instant()));
	}

	private InboxHealth of(InboxView inbox) {
		Instant now = this.clock.instant();
		Timestamp dayAgo = Timestamp.from(now.minus(DAY));
		Instant lastReceived = this.jdbc
			.sql("select received_at from channel_inbound where inbox_id = ? order by received_at desc limit 1")
			.param(inbox.id())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		long received = count("select count(*) from channel_inbound where inbox_id = ? and received_at >= ?",
				inbox.id(), dayAgo);
		long failedLastDay = count("""
				select count(*) from channel_delivery where inbox_id = ? and created_at >= ?
				and (status = 'failed' or attempts > 1 or last_error is not null)""", inbox.id(), dayAgo);
		long failing = count("select count(*) from channel_delivery where inbox_id = ? and status = 'failed'",
				inbox.id());
		String lastError = failing == 0 ? null : this.jdbc.sql("""
				select last_error from channel_delivery where inbox_id = ? and status = 'failed'
				order by created_at desc limit 1""").param(inbox.id()).query(String.class).optional().orElse(null);
		long stuck = count("select count(*) from channel_delivery where inbox_id = ? and status = 'sending' "
				+ "and created_at < ?", inbox.id(), Timestamp.from(now.minus(STUCK)));
		long refused = this.refusals.lastDay(inbox.id());
		List<String> missing = missingCredentials(inbox);
		Checked checked = this.checks.get(inbox.id());
		ChannelCheck check = checked == null ? null : checked.check();

		List<String> problems = new ArrayList<>();
		if (!missing.isEmpty()) {
			problems.add("missing_credential");
		}
		if (check != null && check.state() == ChannelCheck.State.EXPIRED_CREDENTIALS) {
			problems.add("expired_credentials");
		}
		if (check != null && check.state() == ChannelCheck.State.FAILING) {
			problems.add("check_failing");
		}
		if (failing > 0) {
			problems.add("replies_failing");
		}
		if (stuck > 0) {
			problems.add("replies_stuck");
		}
		if (refused > 0) {
			problems.add("requests_refused");
		}
		String status;
		if (!inbox.enabled()) {
			status = "disabled";
		}
		else if (problems.stream()
			.anyMatch(problem -> !problem.equals("replies_stuck") && !problem.equals("requests_refused"))) {
			status = "failing";
		}
		else {
			status = problems.isEmpty() ? "ok" : "warning";
		}
		return new InboxHealth(inbox.id(), inbox.kind(), inbox.name(), inbox.enabled(), status, List.copyOf(problems),
				lastReceived, received, failedLastDay, failing, lastError, stuck, refused, missing, check,
				checked == null ? null : checked.at());
	}

	/**
	 * Settings that name an environment variable that is not set. Adapters that describe
	 * their settings say which ones name secrets; for the others every setting whose name
	 * ends in {@code Env} is taken to (the convention all channels follow).
	 */
	private List<String> missingCredentials(InboxView inbox) {
		List<String> names = this.inboxes.settingsOf(inbox.kind())
			.map(settings -> settings.stream()
				.filter(setting -> setting.type() == ChannelSetting.Type.SECRET_ENV)
				.map(ChannelSetting::name)
				.toList())
			.orElseGet(() -> inbox.settings().keySet().stream().filter(name -> name.endsWith("Env")).sorted().toList());
		List<String> missing = new ArrayList<>();
		for (String name : names) {
			String variable = inbox.settings().get(name);
			if (variable == null || variable.isBlank()) {
				continue;
			}
			String value = this.environment.getProperty(variable);
			if (value == null || value.isBlank()) {
				missing.add(name + " (" + variable + ")");
			}
		}
		return missing;
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Override
	public void destroy() {
		this.checkers.shutdownNow();
	}

	private record Checked(ChannelCheck check, Instant at) {
	}

}
