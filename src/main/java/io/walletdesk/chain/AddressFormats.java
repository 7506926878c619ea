package io.walletdesk.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.novacrypto.base58.Base58;
import org.web3j.crypto.Keys;

/**
 * How addresses are written on the chains WalletDesk knows, and whether a given string is
 * one, checksums included.
 * <p>
 * Chains are named by canonical ids: {@code ethereum}, {@code bsc}, {@code polygon},
 * {@code arbitrum}, {@code optimism}, {@code base}, {@code avalanche}, {@code tron},
 * {@code bitcoin}, {@code solana}, {@code ton}, and {@code evm} for an EVM chain not
 * known more exactly. The checks are:
 * <ul>
 * <li>EVM: {@code 0x} and 40 hex digits; mixed case must be a correct EIP-55
 * checksum.</li>
 * <li>Tron: base58check of 21 bytes starting with {@code 0x41}.</li>
 * <li>Bitcoin mainnet: base58check P2PKH ({@code 1...}) or P2SH ({@code 3...}), or SegWit
 * {@code bc1...} in bech32 for witness version 0 (BIP-173, programs of 20 or 32 bytes)
 * and bech32m for versions 1 to 16 (BIP-350, programs of 2 to 40 bytes).</li>
 * <li>Solana: base58 of 32 bytes.</li>
 * <li>TON: the raw form {@code 0:<64 hex>} (or workchain {@code -1}), or the 48-character
 * user-friendly form (base64 or base64url of tag, workchain, hash and a CRC-16).</li>
 * </ul>
 * All methods are pure and safe to call from any thread.
 */
public final class AddressFormats {

	/** Every canonical chain id, EVM chains first. */
	public static final List<String> CHAINS = List.of("ethereum", "bsc", "polygon", "arbitrum", "optimism", "base",
			"avalanche", "evm", "tron", "bitcoin", "solana", "ton");

	/** The EVM chains that share one address format, in canonical order. */
	public static final List<String> EVM_CHAINS = List.of("ethereum", "bsc", "polygon", "arbitrum", "optimism", "base",
			"avalanche");

	private static final List<String> NON_EVM_CHAINS = List.of("tron", "bitcoin", "solana", "ton");

	private static final Pattern EVM = Pattern.compile("0x[0-9a-fA-F]{40}");

	private static final Pattern TON_RAW = Pattern.compile("(0|-1):[0-9a-fA-F]{64}");

	private static final Pattern TON_FRIENDLY = Pattern.compile("[A-Za-z0-9+/_-]{48}");

	private static final String BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

	private static final int[] BECH32_GENERATOR = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };

	private static final int BECH32M_CONSTANT = 0x2bc830a3;

	private AddressFormats() {
	}

	/**
	 * Tells whether WalletDesk knows a chain id.
	 * @param chain a chain id, may be null
	 * @return true for the ids in {@link #CHAINS}
	 */
	public static boolean isKnownChain(String chain) {
		return chain != null && CHAINS.contains(chain);
	}

	/**
	 * Tells whether a chain id names an EVM chain (or {@code evm} itself).
	 * @param chain a chain id, may be null
	 * @return true for the ids in {@link #EVM_CHAINS} and for {@code evm}
	 */
	public static boolean isEvmChain(String chain) {
		return "evm".equals(chain) || (chain != null && EVM_CHAINS.contains(chain));
	}

	/**
	 * Checks that an address is well-formed for a chain, checksum included.
	 * @param chain a canonical chain id
	 * @param address the address exactly as written (no surrounding blanks)
	 * @return true when the address is valid on that chain; always false for a chain that
	 * {@link #isKnownChain(String) is not known}
	 */
	public static boolean isValid(String chain, String address) {
		Objects.requireNonNull(address, "address");
		if (isEvmChain(chain)) {
			return evm(address);
		}
		if (chain == null) {
			return false;
		}
		return switch (chain) {
			case "tron" -> tron(address);
			case "bitcoin" -> bitcoin(address);
			case "solana" -> solana(address);
			case "ton" -> ton(address);
			default -> false;
		};
	}

	/**
	 * Recognises the chains an address is valid on.
	 * @param address the address exactly as written (no surrounding blanks)
	 * @return the canonical ids of every chain on which {@link #isValid(String, String)}
	 * holds, in the order of {@link #CHAINS}: all of {@link #EVM_CHAINS} followed by
	 * {@code evm} for an EVM address, a single id otherwise, empty for anything else
	 */
	public static List<String> chainsOf(String address) {
		Objects.requireNonNull(address, "address");
		if (evm(address)) {
			List<String> chains = new ArrayList<>(EVM_CHAINS);
			chains.add("evm");
			return List.copyOf(chains);
		}
		for (String chain : NON_EVM_CHAINS) {
			if (isValid(chain, address)) {
				return List.of(chain);
			}
		}
		return List.of();
	}

	private static boolean evm(String a) {
		if (!EVM.matcher(a).matches()) {
			return false;
		}
		String hex = a.substring(2);
		boolean singleCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
		return singleCase || Keys.toChecksumAddress(a).equals(a);
	}

	private static boolean tron(String a) {
		byte[] payload = base58Check(a);
		return payload != null && payload.length == 21 && payload[0] == 0x41;
	}

	private static boolean solana(String a) {
		if (a.length() < 32 || a.length() > 44) {
			return false;
		}
		byte[] raw = base58(a);
		return raw != null && raw.length == 32;
	}

	private static boolean bitcoin(String a) {
		if (a.regionMatches(true, 0, "bc1", 0, 3)) {
			return segwit(a);
		}
		byte[] payload = base58Check(a);
		return payload != null && payload.length == 21 && (payload[0] == 0x00 || payload[0] == 0x05);
	}

	private static boolean ton(String a) {
		if (TON_RAW.matcher(a).matches()) {
			return true;
		}
		if (!TON_FRIENDLY.matcher(a).matches()) {
			return false;
		}
		byte[] raw;
		try {
			boolean urlSafe = a.indexOf('-') >= 0 || a.indexOf('_') >= 0;
			raw = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(a);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		// Tag 0x11 is bounceable, 0x51 non-bounceable; 0x80 marks a testnet address.
		int tag = raw[0] & 0x7f;
		int workchain = raw[1] & 0xff;
		if ((tag != 0x11 && tag != 0x51) || (workchain != 0x00 && workchain != 0xff)) {
			return false;
		}
		int crc = crc16(raw, 34);
		return ((raw[34] & 0xff) << 8 | (raw[35] & 0xff)) == crc;
	}

	private static int crc16(byte[] data, int length) {
		int crc = 0;
		for (int i = 0; i < length; i++) {
			crc ^= (data[i] & 0xff) << 8;
			for (int bit = 0; bit < 8; bit++) {
				crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
			}
		}
		return crc & 0xffff;
	}

	private static byte[] base58(String a) {
		try {
			return Base58.base58Decode(a);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The payload of a base58check string (version byte first), or null. */
	private static byte[] base58Check(String a) {
		if (a.length() < 25 || a.length() > 40) {
			return null;
		}
		byte[] raw = base58(a);
		if (raw == null || raw.length < 5) {
			return null;
		}
		byte[] payload = Arrays.copyOf(raw, raw.length - 4);
		byte[] checksum = Arrays.copyOfRange(sha256(sha256(payload)), 0, 4);
		return Arrays.equals(checksum, Arrays.copyOfRange(raw, raw.length - 4, raw.length)) ? payload : null;
	}

	/** A mainnet SegWit address: bech32 for version 0, bech32m for later versions. */
	private static boolean segwit(String a) {
		if (a.length() < 14 || a.length() > 90) {
			return false;
		}
		String lower = a.toLowerCase(Locale.ROOT);
		if (!a.equals(lower) && !a.equals(a.toUpperCase(Locale.ROOT))) {
			return false;
		}
		String hrp = "bc";
		if (lower.lastIndexOf('1') != 2) {
			return false;
		}
		String data = lower.substring(3);
		int[] values = new int[data.length()];
		for (int i = 0; i < data.length(); i++) {
			values[i] = BECH32_CHARSET.indexOf(data.charAt(i));
			if (values[i] < 0) {
				return false;
			}
		}
		int version = values[0];
		if (version > 16) {
			return false;
		}
		int expected = version == 0 ? 1 : BECH32M_CONSTANT;
		if (polymod(hrp, values) != expected) {
			return false;
		}
		// The program sits between the version and the six checksum characters; a
		// leftover of five bits or more, or any non-zero leftover bit, means it was not
		// made from whole bytes (BIP-173).
		int bits = (values.length - 7) * 5;
		int leftover = bits % 8;
		if (leftover > 4 || (values[values.length - 7] & ((1 << leftover) - 1)) != 0) {
			return false;
		}
		int bytes = bits / 8;
		if (version == 0) {
			return bytes == 20 || bytes == 32;
		}
		return bytes >= 2 && bytes <= 40;
	}

	private static int polymod(String hrp, int[] data) {
		int checksum = 1;
		byte[] h = hrp.getBytes(StandardCharsets.US_ASCII);
		for (byte b : h) {
			checksum = polymodStep(checksum, b >> 5);
		}
		checksum = polymodStep(checksum, 0);
		for (byte b : h) {
			checksum = polymodStep(checksum, b & 31);
		}
		for (int value : data) {
			checksum = polymodStep(checksum, value);
		}
		return checksum;
	}

	private static int polymodStep(int checksum, int value) {
		int top = checksum >>> 25;
		int next = ((checksum & 0x1ffffff) << 5) ^ value;
		for (int i = 0; i < 5; i++) {
			if (((top >> i) & 1) == 1) {
				next ^= BECH32_GENERATOR[i];
			}
		}
		return next;
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
