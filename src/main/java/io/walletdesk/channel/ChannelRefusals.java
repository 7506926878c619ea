package io.walletdesk.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.stereotype.Component;

/**
 * Counts, per inbox, requests to its channel endpoint that were refused for a wrong
 * signature or secret (401), for the health page: a burst means a misconfigured sender or
 * someone probing. Kept in memory only (a restart starts from zero; several instances
 * each count their own) because a table would let a flood of forged requests write to the
 * database.
 */
@Component
public class ChannelRefusals {

	static final Duration WINDOW = Duration.ofHours(24);

	/** Enough to tell "a few" from "a flood" without letting a flood use memory. */
	private static final int MAX_PER_INBOX = 10_000;

	private final Map<UUID, ConcurrentLinkedDeque<Instant>> refusals = new ConcurrentHashMap<>();

	private final Clock clock;

	ChannelRefusals(Clock clock) {
		this.clock = clock;
	}

	/** A request to the inbox's endpoint was refused as unauthenticated. */
	public void refused(UUID inboxId) {
		ConcurrentLinkedDeque<Instant> times = this.refusals.computeIfAbsent(inboxId,
				id -> new ConcurrentLinkedDeque<>());
		times.addLast(this.clock.instant());
		forgetOld(times);
		while (times.size() > MAX_PER_INBOX) {
			times.pollFirst();
		}
	}

	/** Refusals of the inbox within the last 24 hours. */
	public long lastDay(UUID inboxId) {
		ConcurrentLinkedDeque<Instant> times = this.refusals.get(inboxId);
		if (times == null) {
			return 0;
		}
		forgetOld(times);
		return times.size();
	}

	private void forgetOld(ConcurrentLinkedDeque<Instant> times) {
		Instant since = this.clock.instant().minus(WINDOW);
		Instant first;
		while ((first = times.peekFirst()) != null && first.isBefore(since)) {
			times.pollFirst();
		}
	}

}
