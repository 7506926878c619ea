package io.walletdesk.safety;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import io.github.novacrypto.base58.Base58;
import io.walletdesk.safety.internal.Bip39;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRedactionUnitTests {

	// A widely published example key and the EVM address it derives.
	private static final String KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

	private static final String ADDRESS = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";

	private static final String TX_HASH = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";

	private final SecretScanner scanner = new SecretScanner();

	@Test
	void derivesTheExampleAddressFromTheExampleKey() {
		assertThat(Keys.toChecksumAddress(Keys.getAddress(ECKeyPair.create(new BigInteger(KEY, 16)))))
			.isEqualTo(ADDRESS);
	}

	@Test
	void redactsHexKeyAnnouncedAsPrivateKey() {
		for (String text : List.of("my private key is " + KEY, "私钥：" + KEY, "私钥 0x" + KEY, "priv: " + KEY,
				"key: 0x" + KEY, "密钥是" + KEY + "，请帮我导入")) {
			ScanResult result = this.scanner.scan(text);
			assertThat(result.secrets()).as(text).singleElement().satisfies((secret) -> {
				assertThat(secret.type()).isEqualTo(SecretType.PRIVATE_KEY);
				assertThat(secret.certainty()).isEqualTo(Certainty.LIKELY);
			});
			assertThat(result.redactedText()).as(text).contains("[redacted: private key]").doesNotContain(KEY);
		}
	}

	@Test
	void redactsHexKeyThatDerivesAKnownAddressWhateverTheContext() {
		for (String text : List.of(KEY, "0x" + KEY, "tx " + KEY, "here: " + KEY + " thanks")) {
			ScanResult result = this.scanner.scan(text, List.of(ADDRESS));
			assertThat(result.secrets()).as(text).singleElement().satisfies((secret) -> {
				assertThat(secret.type()).isEqualTo(SecretType.PRIVATE_KEY);
				assertThat(secret.certainty()).isEqualTo(Certainty.CERTAIN);
			});
		}
	}

	@Test
	void redactsHexKeyThatDerivesAKnownTronAddress() {
		String tron = tronAddress(Keys.getAddress(ECKeyPair.create(new BigInteger(KEY, 16))));
		assertThat(tron).startsWith("T").hasSize(34);
		ScanResult result = this.scanner.scan("交易 " + KEY, List.of(tron));
		assertThat(result.secrets()).singleElement().extracting(SecretFinding::certainty).isEqualTo(Certainty.CERTAIN);
		assertThat(this.scanner.scan("交易 " + KEY, List.of("TPL66VK2gCXNCD7EJg9pgJRfqcRazjhUZY")).hasSecrets())
			.isFalse();
	}

	@Test
	void keepsTransactionHashes() {
		for (String text : List.of("tx " + TX_HASH + " failed", "txid: " + KEY, "交易哈希 " + KEY, "交易：" + TX_HASH,
				"https://etherscan.io/tx/" + TX_HASH, "https://tronscan.org/#/transaction/" + KEY,
				"bscscan.com/tx/" + TX_HASH + " is stuck", "Hash " + TX_HASH, TX_HASH, KEY,
				"I sent it, here: " + TX_HASH, "https://etherscan.io/tx/" + TX_HASH + " my private key is safe")) {
			assertThat(this.scanner.scan(text).secrets()).as(text).isEmpty();
		}
	}

	@Test
	void keepsTransactionHashNearerThanAKeyWord() {
		String text = "My private key is fine, but the tx hash " + TX_HASH + " never confirmed";
		assertThat(this.scanner.scan(text).hasSecrets()).isFalse();
	}

	@Test
	void keepsAddressesAndOrderNumbers() {
		String text = "EVM " + ADDRESS
				+ ", Tron TPL66VK2gCXNCD7EJg9pgJRfqcRazjhUZY, BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, "
				+ "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, Solana 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV, "
				+ "order 2024061512345678901234, ticket #99812, xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";
		assertThat(this.scanner.scan(text, List.of(ADDRESS)).redactedText()).isEqualTo(text);
	}

	@Test
	void redactsWifKeys() {
		for (String wif : List.of("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",
				"KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn", base58Check((byte) 0xEF, new byte[32], true),
				base58Check((byte) 0xEF, new byte[32], false))) {
			ScanResult result = this.scanner.scan("import this " + wif + " please");
			assertThat(result.redactedText()).as(wif).isEqualTo("import this [redacted: WIF private key] please");
			assertThat(result.secrets()).singleElement()
				.extracting(SecretFinding::certainty)
				.isEqualTo(Certainty.CERTAIN);
		}
	}

	@Test
	void redactsWifWithBrokenChecksumOnlyWhenAnnounced() {
		String broken = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTK";
		assertThat(this.scanner.scan("look: " + broken).hasSecrets()).isFalse();
		assertThat(this.scanner.scan("private key " + broken).secrets()).singleElement()
			.extracting(SecretFinding::certainty)
			.isEqualTo(Certainty.LIKELY);
	}

	@Test
	void redactsExtendedPrivateKeysAlsoWhenMistyped() {
		String xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
		ScanResult result = this.scanner.scan("backup " + xprv);
		assertThat(result.redactedText()).isEqualTo("backup [redacted: extended private key]");
		assertThat(result.secrets().get(0).certainty()).isEqualTo(Certainty.CERTAIN);
		String mistyped = xprv.substring(0, 50) + "z" + xprv.substring(51);
		assertThat(this.scanner.scan(mistyped).secrets()).singleElement()
			.extracting(SecretFinding::certainty)
			.isEqualTo(Certainty.LIKELY);
	}

	@Test
	void redactsSolanaSecretKeysInBase58AndAsByteArrays() {
		byte[] secret = solanaSecret(new SecureRandom());
		String base58 = Base58.base58Encode(secret);
		ScanResult result = this.scanner.scan("phantom export: " + base58);
		assertThat(result.redactedText()).isEqualTo("phantom export: [redacted: Solana secret key]");
		assertThat(result.secrets().get(0).certainty()).isEqualTo(Certainty.CERTAIN);
		StringJoiner array = new StringJoiner(",", "[", "]");
		for (byte b : secret) {
			array.add(Integer.toString(b & 0xFF));
		}
		ScanResult json = this.scanner.scan("id.json is " + array + " ok?");
		assertThat(json.redactedText()).isEqualTo("id.json is [redacted: Solana secret key] ok?");
		assertThat(json.secrets().get(0).certainty()).isEqualTo(Certainty.CERTAIN);
	}

	@Test
	void keepsSolanaSignaturesUnlessAnnouncedAsKeys() {
		byte[] signature = new byte[64];
		new Random(3).nextBytes(signature);
		String base58 = Base58.base58Encode(signature);
		assertThat(this.scanner.scan("signature " + base58).hasSecrets()).isFalse();
		assertThat(this.scanner.scan("https://solscan.io/tx/" + base58).hasSecrets()).isFalse();
		assertThat(this.scanner.scan("private key: " + base58).secrets()).singleElement()
			.extracting(SecretFinding::certainty)
			.isEqualTo(Certainty.LIKELY);
	}

	@Test
	void redactsWholeKeystoreFiles() {
		String keystore = keystore(new Random(9));
		String text = "Here is my UTC file:\n" + keystore + "\nwhat now?";
		ScanResult result = this.scanner.scan(text);
		assertThat(result.redactedText()).isEqualTo("Here is my UTC file:\n[redacted: keystore file]\nwhat now?");
		assertThat(result.secrets()).singleElement().satisfies((secret) -> {
			assertThat(secret.type()).isEqualTo(SecretType.KEYSTORE);
			assertThat(secret.certainty()).isEqualTo(Certainty.CERTAIN);
		});
		String capitalised = keystore.replace("\"crypto\"", "\"Crypto\"");
		assertThat(this.scanner.scan(capitalised).redactedText()).isEqualTo("[redacted: keystore file]");
		String truncated = "file: " + keystore.substring(0, keystore.length() - 40);
		assertThat(this.scanner.scan(truncated).redactedText()).isEqualTo("file: [redacted: keystore file]");
	}

	@Test
	void keepsJsonThatIsNoKeystore() {
		String text = "{\"order\": 42, \"status\": \"ciphertext missing\", \"items\": [1, 2, 3]}";
		assertThat(this.scanner.scan(text).hasSecrets()).isFalse();
	}

	/** A keystore in the Web3 Secret Storage (version 3) layout, with random values. */
	static String keystore(Random random) {
		return "{\"address\":\"" + hex(random, 20)
				+ "\",\"crypto\":{\"cipher\":\"aes-128-ctr\",\"cipherparams\":{\"iv\":\"" + hex(random, 16)
				+ "\"},\"ciphertext\":\"" + hex(random, 32)
				+ "\",\"kdf\":\"scrypt\",\"kdfparams\":{\"dklen\":32,\"n\":262144,\"p\":1,\"r\":8,\"salt\":\""
				+ hex(random, 32) + "\"},\"mac\":\"" + hex(random, 32)
				+ "\"},\"id\":\"3198bc9c-6672-5ab3-d995-4942343ae5b6\",\"version\":3}";
	}

	private static String hex(Random random, int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

	static byte[] solanaSecret(Random random) {
		byte[] secret = new byte[64];
		random.nextBytes(secret);
		Ed25519.generatePublicKey(secret, 0, secret, 32);
		return secret;
	}

	private static String base58Check(byte version, byte[] key, boolean compressed) {
		byte[] payload = new byte[compressed ? 34 : 33];
		payload[0] = version;
		key[31] = 1;
		System.arraycopy(key, 0, payload, 1, 32);
		if (compressed) {
			payload[33] = 1;
		}
		return Base58.base58Encode(withChecksum(payload));
	}

	private static String tronAddress(String evmHex) {
		byte[] payload = new byte[21];
		payload[0] = 0x41;
		System.arraycopy(HexFormat.of().parseHex(evmHex), 0, payload, 1, 20);
		return Base58.base58Encode(withChecksum(payload));
	}

	private static byte[] withChecksum(byte[] payload) {
		MessageDigest sha256 = Bip39.newSha256();
		byte[] check = sha256.digest(sha256.digest(payload));
		byte[] full = Arrays.copyOf(payload, payload.length + 4);
		System.arraycopy(check, 0, full, payload.length, 4);
		return full;
	}

}
