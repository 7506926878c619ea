package io.walletdesk.channel.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CtiEventsUnitTests {

	@Test
	void readsTheExtensionMapWithAnySeparatorAndIgnoresBrokenPairs() {
		assertThat(CtiEvents.extensions("101=alice, 102 = bob@example.com;103=\n104=carol\n=x,105")).containsExactly(
				java.util.Map.entry("101", "alice"), java.util.Map.entry("102", "bob@example.com"),
				java.util.Map.entry("104", "carol"));
		assertThat(CtiEvents.extensions(null)).isEmpty();
	}

	@Test
	void formatsDurationsForTheCallNote() {
		assertThat(CallLog.duration(0)).isEqualTo("0 min 00 s");
		assertThat(CallLog.duration(205)).isEqualTo("3 min 25 s");
		assertThat(CallLog.duration(3725)).isEqualTo("1 h 02 min 05 s");
	}

}
