package io.walletdesk.safety.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import io.github.novacrypto.base58.Base58;
import io.walletdesk.safety.Certainty;
import io.walletdesk.safety.SecretFinding;
import io.walletdesk.safety.SecretType;
import io.walletdesk.safety.internal.ScanContext.KeyContext;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds private keys written in the formats wallets export: 64 hex digits (EVM, Tron),
 * Bitcoin WIF, BIP-32 extended private keys, Solana 64-byte secret keys (base58 or a JSON
 * byte array) and encrypted Ethereum keystore files.
 * <p>
 * The rule for 64 hex digits, which are far more often transaction hashes than keys:
 * <ol>
 * <li>a key that derives one of the customer's known EVM or Tron addresses is
 * {@link Certainty#CERTAIN};</li>
 * <li>inside a URL (an explorer link such as {@code etherscan.io/tx/0x…}) it is a
 * hash;</li>
 * <li>otherwise the nearest context word decides: 私钥, 密钥, "private key", "priv", "key:"
 * make it a {@link Certainty#LIKELY} key; 交易, 哈希, "txid", "tx", "hash" make it a
 * hash;</li>
 * <li>with no context either way it is left alone, with or without {@code 0x}: a bare
 * 64-hex string is usually a Tron or Bitcoin transaction id, a {@code 0x} one an EVM
 * transaction hash.</li>
 * </ol>
 * Base58 and keystore formats carry checksums or structure that prove them, so they need
 * no context, except Solana strings that decode to 64 bytes without being a key pair:
 * those are usually transaction signatures and count only with key context. Safe to share
 * between threads.
 */
public final class KeyDetector {

	private static final String[] XPRV_PREFIXES = { "xprv", "yprv", "zprv", "tprv", "uprv", "vprv", "Yprv", "Zprv",
			"Uprv", "Vprv" };

	private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

	private static final boolean[] IS_BASE58 = new boolean[128];

	static {
		for (char c : BASE58.toCharArray()) {
			IS_BASE58[c] = true;
		}
	}

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Adds every key in the context's text to {@code out}.
	 * @param context the scan
	 * @param known the customer's addresses to test hex keys against
	 * @param out where findings go; they may overlap each other
	 */
	public void detect(ScanContext context, KnownAddresses known, List<SecretFinding> out) {
		String text = context.text();
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (!ScanContext.isAsciiAlnum(c)) {
				if (c == '[') {
					solanaByteArray(text, i, out);
				}
				i++;
				continue;
			}
			int j = i;
			while (j < length && ScanContext.isAsciiAlnum(text.charAt(j))) {
				j++;
			}
			token(context, known, i, j, out);
			i = j;
		}
		keystores(text, out);
	}

	private void token(ScanContext context, KnownAddresses known, int start, int end, List<SecretFinding> out) {
		String text = context.text();
		int length = end - start;
		if (length == 64 && hex(text, start, end)) {
			hexKey(context, known, start, end, start, out);
		}
		else if (length == 66 && (text.startsWith("0x", start) || text.startsWith("0X", start))
				&& hex(text, start + 2, end)) {
			hexKey(context, known, start, end, start + 2, out);
		}
		else if (length >= 51 && length <= 115 && base58(text, start, end)) {
			if ((length == 51 || length == 52) && "5KL9c".indexOf(text.charAt(start)) >= 0) {
				wif(context, start, end, out);
			}
			else if (length >= 85 && length <= 88) {
				solana(context, start, end, out);
			}
			else if (length >= 100 && xprvPrefix(text, start)) {
				xprv(text, start, end, out);
			}
		}
	}

	private void hexKey(ScanContext context, KnownAddresses known, int start, int end, int digits,
			List<SecretFinding> out) {
		String text = context.text();
		if (!known.isEmpty() && derivesKnownAddress(text.substring(digits, end), known)) {
			out.add(new SecretFinding(SecretType.PRIVATE_KEY, start, end, 0, Certainty.CERTAIN));
			return;
		}
		if (inUrl(text, start)) {
			return;
		}
		if (context.keyContext(start, end) == KeyContext.KEY) {
			out.add(new SecretFinding(SecretType.PRIVATE_KEY, start, end, 0, Certainty.LIKELY));
		}
	}

	private static boolean derivesKnownAddress(String hex, KnownAddresses known) {
		BigInteger secret = new BigInteger(hex, 16);
		if (secret.signum() == 0 || secret.compareTo(Secp256k1.ORDER) >= 0) {
			return false;
		}
		String evm = Keys.getAddress(ECKeyPair.create(secret));
		if (known.evm().contains(evm)) {
			return true;
		}
		return !known.tron().isEmpty() && known.tron().contains(Secp256k1.tronAddress(evm));
	}

	private void wif(ScanContext context, int start, int end, List<SecretFinding> out) {
		byte[] decoded = decode(context.text(), start, end);
		boolean valid = decoded != null && (decoded.length == 37 || (decoded.length == 38 && decoded[33] == 1))
				&& (decoded[0] == (byte) 0x80 || decoded[0] == (byte) 0xEF) && Secp256k1.checksumValid(decoded);
		if (valid) {
			out.add(new SecretFinding(SecretType.WIF, start, end, 0, Certainty.CERTAIN));
		}
		else if (!inUrl(context.text(), start) && context.keyContext(start, end) == KeyContext.KEY) {
			out.add(new SecretFinding(SecretType.WIF, start, end, 0, Certainty.LIKELY));
		}
	}

	private void xprv(String text, int start, int end, List<SecretFinding> out) {
		byte[] decoded = decode(text, start, end);
		boolean valid = decoded != null && decoded.length == 82 && Secp256k1.checksumValid(decoded);
		// A mistyped extended key still gives away the rest of it; the prefix alone is
		// telling.
		out.add(new SecretFinding(SecretType.XPRV, start, end, 0, valid ? Certainty.CERTAIN : Certainty.LIKELY));
	}

	private void solana(ScanContext context, int start, int end, List<SecretFinding> out) {
		byte[] decoded = decode(context.text(), start, end);
		if (decoded == null || decoded.length != 64) {
			return;
		}
		if (isEd25519KeyPair(decoded)) {
			out.add(new SecretFinding(SecretType.SOLANA_KEY, start, end, 0, Certainty.CERTAIN));
		}
		else if (!inUrl(context.text(), start) && context.keyContext(start, end) == KeyContext.KEY) {
			out.add(new SecretFinding(SecretType.SOLANA_KEY, start, end, 0, Certainty.LIKELY));
		}
	}

	/**
	 * Parses {@code [n, n, ...]} of exactly 64 numbers 0..255 starting at {@code open}.
	 */
	private static void solanaByteArray(String text, int open, List<SecretFinding> out) {
		byte[] bytes = new byte[64];
		int count = 0;
		int i = open + 1;
		int length = text.length();
		while (true) {
			while (i < length && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			int digits = 0;
			int value = 0;
			while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9' && digits < 4) {
				value = value * 10 + (text.charAt(i) - '0');
				digits++;
				i++;
			}
			if (digits == 0 || digits > 3 || value > 255 || count == 64) {
				return;
			}
			bytes[count++] = (byte) value;
			while (i < length && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i >= length) {
				return;
			}
			char c = text.charAt(i);
			if (c == ']') {
				if (count == 64) {
					Certainty certainty = isEd25519KeyPair(bytes) ? Certainty.CERTAIN : Certainty.LIKELY;
					out.add(new SecretFinding(SecretType.SOLANA_KEY, open, i + 1, 0, certainty));
				}
				return;
			}
			if (c != ',') {
				return;
			}
			i++;
		}
	}

	private static boolean isEd25519KeyPair(byte[] secret) {
		byte[] publicKey = new byte[32];
		Ed25519.generatePublicKey(secret, 0, publicKey, 0);
		return Arrays.equals(publicKey, 0, 32, secret, 32, 64);
	}

	/**
	 * Redacts whole JSON objects that hold a keystore's {@code crypto.ciphertext} and
	 * {@code crypto.kdf}; an object cut off at the end of the text counts from its
	 * opening brace.
	 */
	private void keystores(String text, List<SecretFinding> out) {
		if (!containsIgnoreCase(text, "ciphertext", 0, text.length())) {
			return;
		}
		int depth = 0;
		int start = -1;
		boolean inString = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (depth > 0 && inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			if (c == '"' && depth > 0) {
				inString = true;
			}
			else if (c == '{') {
				if (depth++ == 0) {
					start = i;
				}
			}
			else if (c == '}' && depth > 0 && --depth == 0) {
				keystore(text, start, i + 1, true, out);
			}
		}
		if (depth > 0) {
			keystore(text, start, text.length(), false, out);
		}
	}

	private void keystore(String text, int start, int end, boolean complete, List<SecretFinding> out) {
		if (!containsIgnoreCase(text, "ciphertext", start, end) || !containsIgnoreCase(text, "kdf", start, end)) {
			return;
		}
		if (complete) {
			try {
				JsonNode root = this.json.readTree(text.substring(start, end));
				JsonNode crypto = root.has("crypto") ? root.get("crypto") : root.get("Crypto");
				if (crypto != null && crypto.isObject() && crypto.has("ciphertext") && crypto.has("kdf")) {
					out.add(new SecretFinding(SecretType.KEYSTORE, start, end, 0, Certainty.CERTAIN));
					return;
				}
			}
			catch (JacksonException ex) {
				// Pasted keystores are often mangled by chat clients; the key names below
				// still tell.
			}
		}
		if (containsIgnoreCase(text, "\"crypto\"", start, end)) {
			out.add(new SecretFinding(SecretType.KEYSTORE, start, end, 0, Certainty.LIKELY));
		}
	}

	private static boolean containsIgnoreCase(String text, String needle, int from, int to) {
		for (int i = from; i + needle.length() <= to; i++) {
			if (ScanContext.regionMatchesAsciiIgnoreCase(text, i, needle)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the word starting at {@code start} is part of a URL: the non-blank stretch
	 * around it has a scheme, or a host with a dot before a slash (etherscan.io/tx/…).
	 */
	static boolean inUrl(String text, int start) {
		int from = start;
		while (from > 0 && from > start - 300) {
			char c = text.charAt(from - 1);
			if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '(' || c == '（') {
				break;
			}
			from--;
		}
		String before = text.substring(from, start);
		if (before.contains("://")) {
			return true;
		}
		int slash = before.indexOf('/');
		return slash > 0 && before.lastIndexOf('.', slash) > 0;
	}

	private static byte[] decode(String text, int start, int end) {
		try {
			return Base58.base58Decode(text.substring(start, end));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean hex(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
				return false;
			}
		}
		return true;
	}

	private static boolean base58(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c >= 128 || !IS_BASE58[c]) {
				return false;
			}
		}
		return true;
	}

	private static boolean xprvPrefix(String text, int start) {
		for (String prefix : XPRV_PREFIXES) {
			if (text.startsWith(prefix, start)) {
				return true;
			}
		}
		return false;
	}

}
