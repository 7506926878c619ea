package io.walletdesk.channel.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message signatures and "safe mode" encryption: AES-256-CBC with the key from
 * the 43-character EncodingAESKey, the IV its first 16 bytes, PKCS#7 padding to a block
 * size of 32, and the plaintext framed as 16 random bytes, a 4-byte big-endian length,
 * the message, and the app id.
 * <p>
 * Hand-written on javax.crypto because no maintained library on Maven Central fits:
 * Tencent publishes its sample code only as a download, and WxJava
 * ({@code com.github.binarywang:weixin-java-common}) is a whole SDK that brings its own
 * HTTP clients and XStream-based XML binding (a long history of deserialisation CVEs) for
 * what is forty lines here.
 */
final class WeChatCrypto {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int BLOCK = 32;

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final String appId;

	/**
	 * @throws IllegalArgumentException when the EncodingAESKey is not 43 Base64
	 * characters
	 */
	WeChatCrypto(String encodingAesKey, String appId) {
		if (encodingAesKey == null || encodingAesKey.length() != 43) {
			throw new IllegalArgumentException("The EncodingAESKey must have 43 characters");
		}
		byte[] raw = Base64.getDecoder().decode(encodingAesKey + "=");
		this.key = new SecretKeySpec(raw, "AES");
		this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
		this.appId = appId;
	}

	/**
	 * SHA-1 over the parts sorted and concatenated, in lower-case hex, as WeChat signs.
	 */
	static String signature(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares signatures in constant time. */
	static boolean matches(String expected, String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	String encrypt(String message) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		return encrypt(message, random);
	}

	String encrypt(String message, byte[] random) {
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		byte[] app = this.appId.getBytes(StandardCharsets.UTF_8);
		int length = 16 + 4 + text.length + app.length;
		int pad = BLOCK - (length % BLOCK);
		ByteBuffer plain = ByteBuffer.allocate(length + pad);
		plain.put(random, 0, 16).putInt(text.length).put(text).put(app);
		for (int i = 0; i < pad; i++) {
			plain.put((byte) pad);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, this.iv);
			return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @throws IllegalArgumentException when the ciphertext does not decrypt to a
	 * well-framed message for this app id
	 */
	String decrypt(String encrypted) {
		byte[] plain;
		try {
			byte[] cipherText = Base64.getDecoder().decode(encrypted);
			if (cipherText.length == 0 || cipherText.length % 16 != 0) {
				throw new IllegalArgumentException("Ciphertext length is not a multiple of the AES block");
			}
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, this.iv);
			plain = cipher.doFinal(cipherText);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot decrypt the message", ex);
		}
		int pad = plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK || pad > plain.length) {
			throw new IllegalArgumentException("Bad padding");
		}
		int end = plain.length - pad;
		if (end < 20) {
			throw new IllegalArgumentException("Message too short");
		}
		int length = ByteBuffer.wrap(plain, 16, 4).getInt();
		if (length < 0 || 20 + length > end) {
			throw new IllegalArgumentException("Bad message length");
		}
		String app = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
		if (!app.equals(this.appId)) {
			throw new IllegalArgumentException("The message is for another app id");
		}
		return new String(plain, 20, length, StandardCharsets.UTF_8);
	}

}
