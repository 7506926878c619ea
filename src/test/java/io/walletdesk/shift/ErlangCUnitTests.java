package io.walletdesk.shift;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErlangCUnitTests {

	// The textbook example: 100 calls in half an hour (200 an hour), 180 s handling time,
	// 10 Erlangs of traffic; 80 % answered within 20 s.

	@Test
	void waitProbabilityMatchesTheTextbookValue() {
		assertThat(ErlangC.waitProbability(11, 10)).isCloseTo(0.6821, within(0.0001));
		assertThat(ErlangC.serviceLevel(11, 10, 180, 20)).isCloseTo(0.3896, within(0.0001));
		assertThat(ErlangC.serviceLevel(14, 10, 180, 20)).isCloseTo(0.8884, within(0.0001));
	}

	@Test
	void requiredAgentsMeetTheServiceLevel() {
		assertThat(ErlangC.requiredAgents(200, 180, 0.8, 20, 1.0)).isEqualTo(14);
		assertThat(ErlangC.requiredAgents(200, 180, 0.8, 20, 0.85)).as("occupancy is 10/14 = 71 %").isEqualTo(14);
	}

	@Test
	void occupancyCapCanAskForMoreAgentsThanTheServiceLevel() {
		// 300 chats an hour of 10 minutes: 50 Erlangs; 85 % occupancy needs at least 59.
		int agents = ErlangC.requiredAgents(300, 600, 0.8, 180, 0.85);
		assertThat(50.0 / agents).isLessThanOrEqualTo(0.85);
		assertThat(agents).isGreaterThanOrEqualTo(59);
	}

	@Test
	void noArrivalsNeedNobodyAndAFewNeedOne() {
		assertThat(ErlangC.requiredAgents(0, 600, 0.8, 180, 0.85)).isZero();
		assertThat(ErlangC.requiredAgents(0.25, 600, 0.8, 180, 0.85)).isEqualTo(1);
	}

}
