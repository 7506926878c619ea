package io.walletdesk.safety.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BIP-39 English, Chinese simplified and Chinese traditional wordlists, indexed for
 * lookups in constant time, and the BIP-39 checksum rule.
 * <p>
 * Immutable and safe to share between threads; load it once with {@link #load()}.
 */
public final class Bip39 {

	/** Word counts that BIP-39 allows. */
	public static final int[] LENGTHS = { 24, 21, 18, 15, 12 };

	private static final int WORDS = 2048;

	private static final int PACKED_SLOTS = 8192;

	private static final Bip39 INSTANCE = new Bip39();

	private final String[] english;

	private final Map<String, Integer> englishIndex;

	private final long[] packedKeys;

	private final short[] packedValues;

	private final short[] simplified;

	private final short[] traditional;

	private final String[] simplifiedWords;

	private final String[] traditionalWords;

	private Bip39() {
		this.english = read("english");
		this.englishIndex = new HashMap<>(WORDS * 2);
		this.packedKeys = new long[PACKED_SLOTS];
		this.packedValues = new short[PACKED_SLOTS];
		for (int i = 0; i < WORDS; i++) {
			this.englishIndex.put(this.english[i], i);
			long key = pack(this.english[i], 0, this.english[i].length());
			int slot = slot(key);
			while (this.packedKeys[slot] != 0) {
				slot = (slot + 1) & (PACKED_SLOTS - 1);
			}
			this.packedKeys[slot] = key;
			this.packedValues[slot] = (short) i;
		}
		this.simplifiedWords = read("chinese_simplified");
		this.traditionalWords = read("chinese_traditional");
		this.simplified = charIndex(this.simplifiedWords);
		this.traditional = charIndex(this.traditionalWords);
	}

	/**
	 * The wordlists, read from {@code safety/bip39/} on the class path once per class
	 * loader.
	 * @return the shared instance
	 */
	public static Bip39 load() {
		return INSTANCE;
	}

	/**
	 * Whether {@code length} is a BIP-39 phrase length (12, 15, 18, 21 or 24).
	 * @param length a word count
	 * @return true for a valid phrase length
	 */
	public static boolean isPhraseLength(int length) {
		return length >= 12 && length <= 24 && length % 3 == 0;
	}

	/**
	 * Index of an English word.
	 * @param lowercase the word in lower case
	 * @return 0..2047, or -1 when it is not on the list
	 */
	public int englishIndex(String lowercase) {
		Integer index = this.englishIndex.get(lowercase);
		return (index != null) ? index : -1;
	}

	/**
	 * Index of an English word written in a text, in any letter case, without creating a
	 * string: this runs for every word of every message.
	 * @param text the text
	 * @param from first character of the word
	 * @param to end of the word
	 * @return 0..2047, or -1 when it is not on the list
	 */
	public int englishIndex(CharSequence text, int from, int to) {
		int length = to - from;
		if (length < 3 || length > 8) {
			return -1;
		}
		long key = pack(text, from, to);
		if (key < 0) {
			return -1;
		}
		int slot = slot(key);
		while (this.packedKeys[slot] != 0) {
			if (this.packedKeys[slot] == key) {
				return this.packedValues[slot];
			}
			slot = (slot + 1) & (PACKED_SLOTS - 1);
		}
		return -1;
	}

	/**
	 * Packs up to 12 ASCII letters, case-folded, into 5 bits each; -1 for anything else.
	 * The English words are 3 to 8 letters, so a key identifies a word exactly and an
	 * open-addressing table of longs replaces a map of strings on the hot path.
	 */
	private static long pack(CharSequence text, int from, int to) {
		long key = 0;
		for (int i = from; i < to; i++) {
			int c = text.charAt(i) | 0x20;
			if (c < 'a' || c > 'z') {
				return -1;
			}
			key = (key << 5) | (c - 'a' + 1);
		}
		return key;
	}

	private static int slot(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h >>> 51) & (PACKED_SLOTS - 1);
	}

	/**
	 * Index of a Chinese character in one of the Chinese lists.
	 * @param list the list
	 * @param c the character
	 * @return 0..2047, or -1 when it is not on the list
	 */
	public int chineseIndex(Wordlist list, char c) {
		return (list == Wordlist.CHINESE_SIMPLIFIED) ? this.simplified[c] : this.traditional[c];
	}

	/**
	 * The word at an index.
	 * @param list the list
	 * @param index 0..2047
	 * @return the word
	 */
	public String word(Wordlist list, int index) {
		return switch (list) {
			case ENGLISH -> this.english[index];
			case CHINESE_SIMPLIFIED -> this.simplifiedWords[index];
			case CHINESE_TRADITIONAL -> this.traditionalWords[index];
		};
	}

	/**
	 * English words that a mistyped token most likely stands for: those within
	 * Damerau-Levenshtein distance 2 (1 for tokens of up to four letters) and the one
	 * word that shares the token's first four letters, which BIP-39 makes unique.
	 * @param token a lower-case token of ASCII letters that is not on the list
	 * @return candidate indexes, nearest first; empty when none is close
	 */
	public int[] englishNeighbours(String token) {
		int limit = (token.length() <= 4) ? 1 : 2;
		List<int[]> found = new ArrayList<>();
		for (int i = 0; i < WORDS; i++) {
			String word = this.english[i];
			int distance;
			if (token.length() >= 4 && word.regionMatches(0, token, 0, 4)) {
				distance = 0;
			}
			else {
				distance = EditDistance.damerauLevenshtein(token, word, limit);
			}
			if (distance <= limit) {
				found.add(new int[] { distance, i });
			}
		}
		found.sort((a, b) -> (a[0] != b[0]) ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
		int[] result = new int[found.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = found.get(i)[1];
		}
		return result;
	}

	/**
	 * Whether word indexes form a phrase with a valid BIP-39 checksum: the last
	 * {@code length / 3} bits equal the first bits of the SHA-256 of the entropy before
	 * them.
	 * @param indexes word indexes
	 * @param offset first word
	 * @param length number of words, a BIP-39 phrase length
	 * @param sha256 a digest owned by the caller (digests are not thread-safe)
	 * @return true when the checksum matches
	 */
	public static boolean checksumValid(int[] indexes, int offset, int length, MessageDigest sha256) {
		byte[] packed = new byte[33];
		int accumulator = 0;
		int bits = 0;
		int position = 0;
		for (int i = offset; i < offset + length; i++) {
			accumulator = (accumulator << 11) | (indexes[i] & 0x7FF);
			bits += 11;
			while (bits >= 8) {
				packed[position++] = (byte) (accumulator >>> (bits - 8));
				bits -= 8;
			}
			accumulator &= (1 << bits) - 1;
		}
		if (bits > 0) {
			packed[position] = (byte) (accumulator << (8 - bits));
		}
		int checksumBits = length / 3;
		int entropyBytes = (length * 11 - checksumBits) / 8;
		sha256.reset();
		sha256.update(packed, 0, entropyBytes);
		byte[] hash = sha256.digest();
		int shift = 8 - checksumBits;
		return ((hash[0] & 0xFF) >>> shift) == ((packed[entropyBytes] & 0xFF) >>> shift);
	}

	/**
	 * Word indexes for entropy, with the checksum appended (the BIP-39 encoding).
	 * @param entropy 16, 20, 24, 28 or 32 bytes
	 * @return the word indexes
	 */
	public static int[] encode(byte[] entropy) {
		if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
			throw new IllegalArgumentException("Entropy must be 16 to 32 bytes in steps of 4");
		}
		byte[] hash = newSha256().digest(entropy);
		int words = entropy.length * 8 * 33 / 32 / 11;
		byte[] all = Arrays.copyOf(entropy, entropy.length + 1);
		all[entropy.length] = hash[0];
		int[] indexes = new int[words];
		for (int w = 0; w < words; w++) {
			int value = 0;
			for (int b = 0; b < 11; b++) {
				int bit = w * 11 + b;
				value = (value << 1) | ((all[bit / 8] >>> (7 - bit % 8)) & 1);
			}
			indexes[w] = value;
		}
		return indexes;
	}

	/**
	 * A new SHA-256 digest.
	 * @return the digest
	 */
	public static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform provides SHA-256", ex);
		}
	}

	private static short[] charIndex(String[] words) {
		short[] index = new short[Character.MAX_VALUE + 1];
		Arrays.fill(index, (short) -1);
		for (int i = 0; i < words.length; i++) {
			if (words[i].length() != 1) {
				throw new IllegalStateException("Chinese BIP-39 words are single characters: " + words[i]);
			}
			index[words[i].charAt(0)] = (short) i;
		}
		return index;
	}

	private static String[] read(String name) {
		String resource = "/safety/bip39/" + name + ".txt";
		try (InputStream in = Bip39.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing wordlist " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String[] words = reader.lines().map(String::strip).filter((line) -> !line.isEmpty()).toArray(String[]::new);
			if (words.length != WORDS) {
				throw new IllegalStateException(resource + " has " + words.length + " words, not " + WORDS);
			}
			return words;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The wordlists the scanner knows.
	 */
	public enum Wordlist {

		/** English. */
		ENGLISH,
		/** Chinese, simplified characters. */
		CHINESE_SIMPLIFIED,
		/** Chinese, traditional characters. */
		CHINESE_TRADITIONAL

	}

}
