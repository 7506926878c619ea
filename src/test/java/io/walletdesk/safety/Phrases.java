package io.walletdesk.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.walletdesk.safety.internal.Bip39;
import io.walletdesk.safety.internal.Bip39.Wordlist;

/**
 * Makes valid BIP-39 phrases from random entropy for tests, with the checksum code under
 * test (itself checked against the Trezor vectors and web3j in {@code Bip39UnitTests}).
 */
public final class Phrases {

	private static final Bip39 BIP39 = Bip39.load();

	private Phrases() {
	}

	/**
	 * The words of a valid phrase.
	 * @param random the source of entropy
	 * @param words 12, 15, 18, 21 or 24
	 * @param list the wordlist
	 * @return the words
	 */
	public static List<String> valid(Random random, int words, Wordlist list) {
		byte[] entropy = new byte[words * 4 / 3];
		random.nextBytes(entropy);
		List<String> result = new ArrayList<>();
		for (int index : Bip39.encode(entropy)) {
			result.add(BIP39.word(list, index));
		}
		return result;
	}

	/**
	 * A phrase whose checksum fails: a valid one with its last word swapped until it
	 * fails.
	 * @param random the source of entropy
	 * @param words the phrase length
	 * @param list the wordlist
	 * @return the words
	 */
	static List<String> invalid(Random random, int words, Wordlist list) {
		List<String> phrase = valid(random, words, list);
		int[] indexes = indexes(phrase, list);
		int last = indexes[words - 1];
		for (int candidate = 0; candidate < 2048; candidate++) {
			indexes[words - 1] = (last + 1 + candidate) % 2048;
			if (!Bip39.checksumValid(indexes, 0, words, Bip39.newSha256())) {
				phrase.set(words - 1, BIP39.word(list, indexes[words - 1]));
				return phrase;
			}
		}
		throw new IllegalStateException("Unreachable: some word breaks every checksum");
	}

	/**
	 * Whether the words form a valid phrase.
	 * @param words the words
	 * @param list the wordlist
	 * @return true when the checksum matches
	 */
	static boolean isValid(List<String> words, Wordlist list) {
		int[] indexes = indexes(words, list);
		for (int index : indexes) {
			if (index < 0) {
				return false;
			}
		}
		return Bip39.isPhraseLength(words.size()) && Bip39.checksumValid(indexes, 0, indexes.length, Bip39.newSha256());
	}

	static String word(int index, Wordlist list) {
		return BIP39.word(list, index);
	}

	private static int[] indexes(List<String> words, Wordlist list) {
		int[] indexes = new int[words.size()];
		for (int i = 0; i < indexes.length; i++) {
			String w = words.get(i);
			indexes[i] = (list == Wordlist.ENGLISH) ? BIP39.englishIndex(w) : BIP39.chineseIndex(list, w.charAt(0));
		}
		return indexes;
	}

}
