package io.walletdesk.channel.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.novacrypto.base58.Base58;
import org.web3j.crypto.Keys;

/**
 * Checks that a wallet address an app reports is well-formed for its chain, checksums
 * included, so a typo never lands on the customer's record as "their" address (the safety
 * scanner trusts these addresses when it recognises a pasted private key).
 * <p>
 * EVM checksums (EIP-55) come from web3j and base58 from the Base58 library, both already
 * used by the safety module. Bech32/bech32m (BIP-173/350) is checked here by hand: it is
 * a 20-line polynomial checksum and no library on the classpath offers it.
 */
final class WalletAddressFormat {

	static final Set<String> EVM_CHAINS = Set.of("ethereum", "evm", "bsc", "polygon", "arbitrum", "optimism", "base",
			"avalanche", "linea", "zksync");

	private static final Pattern EVM = Pattern.compile("0x[0-9a-fA-F]{40}");

	private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

	private static final Pattern GENERIC = Pattern.compile("[A-Za-z0-9:]{8,128}");

	private static final String BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

	private WalletAddressFormat() {
	}

	/**
	 * @param chain a lowercase chain name, e.g. {@code ethereum}, {@code tron},
	 * {@code bitcoin}, {@code solana}; other chains get a generic format check
	 * @return why the address is not valid for the chain, or null when it is
	 */
	static String problem(String chain, String address) {
		String a = address.strip();
		if (EVM_CHAINS.contains(chain)) {
			return evm(a) ? null : "is not a valid EVM address (0x and 40 hex digits, EIP-55 checksum if mixed case)";
		}
		return switch (chain) {
			case "tron" -> tron(a) ? null : "is not a valid Tron address (base58check starting with T)";
			case "bitcoin" -> bitcoin(a) ? null : "is not a valid Bitcoin address";
			case "solana" -> solana(a) ? null : "is not a valid Solana address (base58 of 32 bytes)";
			default -> {
				if (!GENERIC.matcher(a).matches()) {
					yield "must be 8 to 128 letters or digits";
				}
				// A raw 32-byte key in hex is never an address on any chain WalletDesk
				// knows;
				// refusing it keeps an app bug from storing a private key on the
				// customer.
				yield HEX_KEY.matcher(a).matches() ? "looks like a private key, not an address" : null;
			}
		};
	}

	static boolean evm(String a) {
		if (!EVM.matcher(a).matches()) {
			return false;
		}
		String hex = a.substring(2);
		boolean singleCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
		return singleCase || Keys.toChecksumAddress(a).equals(a);
	}

	static boolean tron(String a) {
		byte[] decoded = base58Check(a);
		return decoded != null && decoded.length == 21 && decoded[0] == 0x41;
	}

	static boolean solana(String a) {
		if (a.length() < 32 || a.length() > 44) {
			return false;
		}
		try {
			return Base58.base58Decode(a).length == 32;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static boolean bitcoin(String a) {
		String lower = a.toLowerCase(Locale.ROOT);
		if (lower.startsWith("bc1")) {
			return bech32(a);
		}
		byte[] decoded = base58Check(a);
		return decoded != null && decoded.length == 21 && (decoded[0] == 0x00 || decoded[0] == 0x05);
	}

	/** The payload of a base58check string (version byte first), or null. */
	private static byte[] base58Check(String a) {
		if (a.length() < 25 || a.length() > 40) {
			return null;
		}
		byte[] raw;
		try {
			raw = Base58.base58Decode(a);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (raw.length < 5) {
			return null;
		}
		byte[] payload = Arrays.copyOf(raw, raw.length - 4);
		byte[] checksum = Arrays.copyOfRange(sha256(sha256(payload)), 0, 4);
		return Arrays.equals(checksum, Arrays.copyOfRange(raw, raw.length - 4, raw.length)) ? payload : null;
	}

	/** A SegWit address: bech32 for version 0, bech32m for later versions. */
	private static boolean bech32(String a) {
		if (a.length() > 90 || (!a.equals(a.toLowerCase(Locale.ROOT)) && !a.equals(a.toUpperCase(Locale.ROOT)))) {
			return false;
		}
		String s = a.toLowerCase(Locale.ROOT);
		int separator = s.lastIndexOf('1');
		String hrp = s.substring(0, separator);
		String data = s.substring(separator + 1);
		if (!"bc".equals(hrp) || data.length() < 7) {
			return false;
		}
		int[] values = new int[data.length()];
		for (int i = 0; i < data.length(); i++) {
			values[i] = BECH32_CHARSET.indexOf(data.charAt(i));
			if (values[i] < 0) {
				return false;
			}
		}
		int witnessVersion = values[0];
		if (witnessVersion > 16) {
			return false;
		}
		long expected = witnessVersion == 0 ? 1 : 0x2bc830a3L;
		if (polymod(hrp, values) != expected) {
			return false;
		}
		// The program (without version and checksum) in 5-bit groups: 20 or 32 bytes for
		// version 0, 2 to 40 bytes otherwise.
		int programBits = (values.length - 1 - 6) * 5;
		int programBytes = programBits / 8;
		if (witnessVersion == 0) {
			return programBytes == 20 || programBytes == 32;
		}
		return programBytes >= 2 && programBytes <= 40;
	}

	private static long polymod(String hrp, int[] data) {
		int[] generator = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };
		long checksum = 1;
		byte[] h = hrp.getBytes(StandardCharsets.US_ASCII);
		int[] expanded = new int[h.length * 2 + 1 + data.length];
		for (int i = 0; i < h.length; i++) {
			expanded[i] = h[i] >> 5;
			expanded[i + h.length + 1] = h[i] & 31;
		}
		System.arraycopy(data, 0, expanded, h.length * 2 + 1, data.length);
		for (int value : expanded) {
			long top = checksum >> 25;
			checksum = ((checksum & 0x1ffffff) << 5) ^ value;
			for (int i = 0; i < 5; i++) {
				if (((top >> i) & 1) == 1) {
					checksum ^= generator[i];
				}
			}
		}
		return checksum;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
