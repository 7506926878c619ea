package io.walletdesk.channel.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersUnitTests {

	@Test
	void bringsInternationalNumbersIntoE164WhateverTheSeparators() {
		assertThat(PhoneNumbers.normalize("+86 138-1234-5678", null)).hasValue("+8613812345678");
		assertThat(PhoneNumbers.normalize("(+44) 20 7946.0958", null)).hasValue("+442079460958");
		assertThat(PhoneNumbers.normalize("0086 138 1234 5678", null)).hasValue("+8613812345678");
	}

	@Test
	void readsNationalNumbersWithTheDefaultCountryCodeAndDropsTheTrunkZero() {
		assertThat(PhoneNumbers.normalize("138 1234 5678", "86")).hasValue("+8613812345678");
		assertThat(PhoneNumbers.normalize("010 6552 9988", "+86")).hasValue("+861065529988");
	}

	@Test
	void refusesWhatIsNoPhoneNumber() {
		assertThat(PhoneNumbers.normalize("138 1234 5678", null)).isEmpty();
		assertThat(PhoneNumbers.normalize("+86 138 abc 5678", null)).isEmpty();
		assertThat(PhoneNumbers.normalize("+0 1234 5678", null)).isEmpty();
		assertThat(PhoneNumbers.normalize("+123", null)).isEmpty();
		assertThat(PhoneNumbers.normalize("+1234567890123456", null)).isEmpty();
		assertThat(PhoneNumbers.normalize("", "86")).isEmpty();
		assertThat(PhoneNumbers.normalize("138 1234 5678", "8x")).isEmpty();
	}

}
