package io.walletdesk.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImpersonatorWarningUnitTests {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return ImpersonatorWarningUnitTests.this.now;
		}

	};

	@Test
	void warnsAtMostOncePerIntervalWithTheConfiguredText() {
		ImpersonatorWarning warning = new ImpersonatorWarning(this.clock);
		UUID inbox = UUID.randomUUID();
		Map<String, String> settings = Map.of("impersonatorWarningInterval", "30m", "impersonatorWarning",
				"Admins never DM first.");
		assertThat(warning.due(inbox, settings)).isEqualTo("Admins never DM first.");
		this.now = this.now.plus(Duration.ofMinutes(29));
		assertThat(warning.due(inbox, settings)).isNull();
		this.now = this.now.plus(Duration.ofMinutes(1));
		assertThat(warning.due(inbox, settings)).isEqualTo("Admins never DM first.");
	}

	@Test
	void aFailedPostIsRetriedAtTheNextOccasionAndTheDefaultIsBilingual() {
		ImpersonatorWarning warning = new ImpersonatorWarning(this.clock);
		UUID inbox = UUID.randomUUID();
		assertThat(warning.due(inbox, Map.of())).contains("管理员").contains("never DM you first");
		warning.failed(inbox);
		assertThat(warning.due(inbox, Map.of())).isNotNull();
		assertThat(warning.due(inbox, Map.of())).isNull();
	}

}
