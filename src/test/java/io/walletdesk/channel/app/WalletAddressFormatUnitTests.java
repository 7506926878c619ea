package io.walletdesk.channel.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WalletAddressFormatUnitTests {

	@Test
	void acceptsEvmAddressesWithAValidOrNoChecksum() {
		assertThat(WalletAddressFormat.problem("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isNull();
		assertThat(WalletAddressFormat.problem("bsc", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isNull();
		assertThat(WalletAddressFormat.problem("polygon", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")).isNull();
	}

	@Test
	void rejectsEvmAddressesWithABrokenChecksumOrLength() {
		assertThat(WalletAddressFormat.problem("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isNotNull();
		assertThat(WalletAddressFormat.problem("ethereum", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea")).isNotNull();
		assertThat(WalletAddressFormat.problem("ethereum", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).isNotNull();
	}

	@Test
	void checksTronAddressesByBase58Check() {
		assertThat(WalletAddressFormat.problem("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).isNull();
		assertThat(WalletAddressFormat.problem("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).isNotNull();
		// A valid Bitcoin address is not a Tron address (wrong version byte).
		assertThat(WalletAddressFormat.problem("tron", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isNotNull();
	}

	@Test
	void checksBitcoinLegacyAndSegwitAddresses() {
		assertThat(WalletAddressFormat.problem("bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isNull();
		assertThat(WalletAddressFormat.problem("bitcoin", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")).isNull();
		assertThat(WalletAddressFormat.problem("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).isNull();
		assertThat(WalletAddressFormat.problem("bitcoin",
				"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"))
			.isNull();
		assertThat(WalletAddressFormat.problem("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx")).isNotNull();
		assertThat(WalletAddressFormat.problem("bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")).isNotNull();
		// A bech32m checksum on a version 0 program is invalid (BIP-350).
		assertThat(WalletAddressFormat.problem("bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh")).isNotNull();
	}

	@Test
	void checksSolanaAddressesDecodeToThirtyTwoBytes() {
		assertThat(WalletAddressFormat.problem("solana", "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM")).isNull();
		assertThat(WalletAddressFormat.problem("solana", "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWW0")).isNotNull();
	}

	@Test
	void otherChainsGetAGenericFormatCheck() {
		assertThat(WalletAddressFormat.problem("ton", "EQDtFpEwcFAEcRe5mLVh2N6C0x")).isNull();
		assertThat(WalletAddressFormat.problem("ton", "not an address")).isNotNull();
		assertThat(
				WalletAddressFormat.problem("ton", "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"))
			.contains("private key");
	}

}
