package io.walletdesk.chain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AddressFormatsUnitTests {

	// EIP-55 test vectors.
	private static final String[] CHECKSUMMED = { "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
			"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
			"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb" };

	@Test
	void acceptsEip55ChecksummedAndSingleCaseEvmAddressesOnEveryEvmChain() {
		for (String address : CHECKSUMMED) {
			for (String chain : AddressFormats.EVM_CHAINS) {
				assertThat(AddressFormats.isValid(chain, address)).as(chain + " " + address).isTrue();
			}
			assertThat(AddressFormats.isValid("evm", address.toLowerCase())).isTrue();
			assertThat(AddressFormats.isValid("evm", "0x" + address.substring(2).toUpperCase())).isTrue();
		}
	}

	@Test
	void rejectsAnEvmAddressWithOneLetterInTheWrongCase() {
		assertThat(AddressFormats.isValid("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isFalse();
		assertThat(AddressFormats.isValid("bsc", "0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359")).isFalse();
	}

	@Test
	void rejectsEvmAddressesOfTheWrongLength() {
		assertThat(AddressFormats.isValid("ethereum", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae")).isFalse();
		assertThat(AddressFormats.isValid("ethereum", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed0")).isFalse();
		assertThat(AddressFormats.isValid("ethereum", "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isFalse();
	}

	@Test
	void checksTronAddressesByBase58CheckAndVersionByte() {
		assertThat(AddressFormats.isValid("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).isTrue();
		assertThat(AddressFormats.isValid("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).isFalse();
		assertThat(AddressFormats.isValid("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6")).isFalse();
		assertThat(AddressFormats.isValid("tron", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isFalse();
	}

	@Test
	void acceptsBitcoinLegacyAndScriptHashAddresses() {
		assertThat(AddressFormats.isValid("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isTrue();
		assertThat(AddressFormats.isValid("bitcoin", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")).isTrue();
		assertThat(AddressFormats.isValid("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isFalse();
		assertThat(AddressFormats.isValid("bitcoin", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).isFalse();
	}

	@Test
	void acceptsTheMainnetSegwitAddressesOfBip173AndBip350() {
		for (String address : new String[] { "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
				"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
				"bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
				"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "BC1SW50QGDZ25J",
				"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0" }) {
			assertThat(AddressFormats.isValid("bitcoin", address)).as(address).isTrue();
		}
	}

	@Test
	void rejectsTheInvalidSegwitAddressesOfBip173AndBip350() {
		for (String address : new String[] {
				// invalid checksum
				"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
				// witness version 17
				"BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2",
				// program of 1 byte, of 41 bytes
				"bc1rw5uspcuh", "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
				// 16-byte program for version 0
				"BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
				// more than 4 bits of padding
				"bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",
				// empty data
				"bc1gmk9yu",
				// bech32 checksum on version 1, bech32m checksum on version 0
				"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
				"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
				// invalid character
				"bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
				// mixed case
				"bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
				// testnet
				"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7" }) {
			assertThat(AddressFormats.isValid("bitcoin", address)).as(address).isFalse();
		}
	}

	@Test
	void acceptsSolanaAddressesThatDecodeToThirtyTwoBytes() {
		assertThat(AddressFormats.isValid("solana", "So11111111111111111111111111111111111111112")).isTrue();
		assertThat(AddressFormats.isValid("solana", "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM")).isTrue();
		assertThat(AddressFormats.isValid("solana", "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWW0")).isFalse();
		assertThat(AddressFormats.isValid("solana", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).isFalse();
	}

	@Test
	void checksTonAddressesInRawAndUserFriendlyForm() {
		assertThat(AddressFormats.isValid("ton", "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N")).isTrue();
		assertThat(AddressFormats.isValid("ton", "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2M")).isFalse();
		assertThat(AddressFormats.isValid("ton", "0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8"))
			.isTrue();
		assertThat(AddressFormats.isValid("ton", "EQDtFpEwcFAEcRe5mLVh2N6C0x")).isFalse();
	}

	@Test
	void recognisesTheChainsAnAddressBelongsTo() {
		assertThat(AddressFormats.chainsOf("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).containsExactly("ethereum",
				"bsc", "polygon", "arbitrum", "optimism", "base", "avalanche", "evm");
		assertThat(AddressFormats.chainsOf("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).containsExactly("tron");
		assertThat(AddressFormats.chainsOf("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).containsExactly("bitcoin");
		assertThat(AddressFormats.chainsOf("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).containsExactly("bitcoin");
		assertThat(AddressFormats.chainsOf("So11111111111111111111111111111111111111112")).containsExactly("solana");
		assertThat(AddressFormats.chainsOf("EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N")).containsExactly("ton");
	}

	@Test
	void recognisesNoChainForNearMissesAndOrdinaryText() {
		assertThat(AddressFormats.chainsOf("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isEmpty();
		assertThat(AddressFormats.chainsOf("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).isEmpty();
		assertThat(AddressFormats.chainsOf("solution")).isEmpty();
		assertThat(AddressFormats.chainsOf("")).isEmpty();
	}

	@Test
	void everyRecognisedChainValidatesTheAddress() {
		for (String address : new String[] { CHECKSUMMED[1], "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
				"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM" }) {
			for (String chain : AddressFormats.chainsOf(address)) {
				assertThat(AddressFormats.isValid(chain, address)).isTrue();
			}
		}
	}

	@Test
	void knowsTheCanonicalChainIds() {
		assertThat(AddressFormats.CHAINS).containsExactly("ethereum", "bsc", "polygon", "arbitrum", "optimism", "base",
				"avalanche", "evm", "tron", "bitcoin", "solana", "ton");
		assertThat(AddressFormats.isKnownChain("tron")).isTrue();
		assertThat(AddressFormats.isKnownChain("linea")).isFalse();
		assertThat(AddressFormats.isEvmChain("evm")).isTrue();
		assertThat(AddressFormats.isEvmChain("tron")).isFalse();
		assertThat(AddressFormats.isValid("linea", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isFalse();
		assertThat(AddressFormats.isValid(null, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isFalse();
		assertThatNullPointerException().isThrownBy(() -> AddressFormats.isValid("tron", null));
	}

}
