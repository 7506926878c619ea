package io.walletdesk.triage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.walletdesk.triage.Entities.Amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntitiesUnitTests {

	@Test
	void keepsItsOwnImmutableCopyOfEachList() {
		List<String> chains = new ArrayList<>(List.of("tron"));
		Entities entities = new Entities(List.of(), List.of(), chains, List.of(), List.of(), List.of(), null, null);

		chains.add("bsc");

		assertThat(entities.chains()).containsExactly("tron");
		assertThatThrownBy(() -> entities.chains().add("bsc")).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void refusesNullsInItsLists() {
		List<String> withNull = Arrays.asList("USDT", null);

		assertThatNullPointerException().isThrownBy(
				() -> new Entities(List.of(), List.of(), List.of(), withNull, List.of(), List.of(), null, null));
		assertThatNullPointerException().isThrownBy(() -> new Amount(null, "USDT", "5万U"));
	}

	@Test
	void noneIsEmptyAndAnythingFoundIsNot() {
		assertThat(Entities.NONE.isEmpty()).isTrue();
		assertThat(new Entities(List.of(), List.of(), List.of(), List.of(),
				List.of(new Amount(new BigDecimal("50000"), "USDT", "5万U")), List.of(), null, null)
			.isEmpty()).isFalse();
		assertThat(new Entities(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, "iOS 17.4")
			.isEmpty()).isFalse();
	}

}
