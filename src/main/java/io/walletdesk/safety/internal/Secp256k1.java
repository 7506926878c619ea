package io.walletdesk.safety.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

import io.github.novacrypto.base58.Base58;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Small helpers around secp256k1 keys and base58check, on top of web3j and Base58.
 */
final class Secp256k1 {

	/** The order of the curve: private keys are 1 .. ORDER - 1. */
	static final BigInteger ORDER = Sign.CURVE_PARAMS.getN();

	private Secp256k1() {
	}

	/**
	 * The Tron address for an EVM address: the same 20 bytes after the 0x41 version byte,
	 * in base58check.
	 * @param evmHex 40 hex digits, with or without 0x
	 * @return the Tron address, starting with T
	 */
	static String tronAddress(String evmHex) {
		byte[] hash = Numeric.hexStringToByteArray(evmHex);
		byte[] payload = new byte[21];
		payload[0] = 0x41;
		System.arraycopy(hash, 0, payload, 1, 20);
		byte[] check = doubleSha256(payload, payload.length);
		byte[] full = Arrays.copyOf(payload, 25);
		System.arraycopy(check, 0, full, 21, 4);
		return Base58.base58Encode(full);
	}

	/**
	 * Whether the last four bytes are the first four of the double SHA-256 of the rest.
	 * @param decoded a decoded base58check string
	 * @return true when the checksum matches
	 */
	static boolean checksumValid(byte[] decoded) {
		if (decoded.length < 5) {
			return false;
		}
		int payload = decoded.length - 4;
		byte[] check = doubleSha256(decoded, payload);
		return Arrays.equals(check, 0, 4, decoded, payload, decoded.length);
	}

	private static byte[] doubleSha256(byte[] data, int length) {
		MessageDigest sha256 = Bip39.newSha256();
		sha256.update(data, 0, length);
		return sha256.digest(sha256.digest());
	}

}
