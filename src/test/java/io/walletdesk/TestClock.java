package io.walletdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: it follows the system clock until a test
 * pins it to an instant, then moves only when the test advances it. The context is shared
 * by all integration tests, so a test that pins it releases it afterwards
 * ({@code @AfterEach void release() { clock.release(); }}).
 */
public final class TestClock extends Clock {

	private final AtomicReference<Instant> pinned = new AtomicReference<>();

	public void pin(Instant at) {
		this.pinned.set(at);
	}

	/**
	 * Moves a pinned clock forward.
	 * @throws IllegalStateException when the clock is not pinned
	 */
	public Instant advance(Duration by) {
		return this.pinned.updateAndGet(at -> {
			if (at == null) {
				throw new IllegalStateException("pin the clock before advancing it");
			}
			return at.plus(by);
		});
	}

	public void release() {
		this.pinned.set(null);
	}

	@Override
	public Instant instant() {
		Instant at = this.pinned.get();
		return at != null ? at : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	/**
	 * Puts the test clock in place of the application's.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Installed {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
