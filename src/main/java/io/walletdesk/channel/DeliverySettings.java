package io.walletdesk.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replies that a channel refused are tried again.
 *
 * @param initialBackoff the wait after the first failed attempt; it doubles after each
 * further one
 * @param maxBackoff the longest wait between two attempts
 * @param jitter the share by which each wait is randomly shortened or lengthened, so that
 * replies that failed together do not all come back at once
 * @param maxAttempts after this many failed attempts in a row the reply is given up
 * (failed for good, until an agent retries it)
 * @param maxAge a reply that could not be delivered for this long is given up
 * @param pollInterval how often due retries are looked for
 * @param sendingLease how long an attempt in flight keeps others away; longer than any
 * adapter's request timeout. An attempt left {@code sending} by a process that died is
 * taken up again once it is older than this.
 */
@ConfigurationProperties("walletdesk.channel.delivery")
record DeliverySettings(@DefaultValue("30s") Duration initialBackoff, @DefaultValue("30m") Duration maxBackoff,
		@DefaultValue("0.2") double jitter, @DefaultValue("12") int maxAttempts, @DefaultValue("24h") Duration maxAge,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("2m") Duration sendingLease) {

	/**
	 * The wait before the next attempt after {@code failures} failed attempts in a row,
	 * before jitter: initial, twice that, four times, ... up to the maximum.
	 */
	Duration backoff(int failures) {
		int doublings = Math.max(0, Math.min(failures - 1, 30));
		Duration wait = this.initialBackoff.multipliedBy(1L << doublings);
		return wait.compareTo(this.maxBackoff) > 0 || wait.isNegative() ? this.maxBackoff : wait;
	}

	/**
	 * The backoff with jitter applied; {@code random} is at least 0 and less than 1.
	 */
	Duration backoff(int failures, double random) {
		Duration base = backoff(failures);
		double factor = 1 + this.jitter * (2 * random - 1);
		return Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * factor)));
	}

}
