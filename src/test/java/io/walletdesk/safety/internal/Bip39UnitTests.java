package io.walletdesk.safety.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.walletdesk.safety.internal.Bip39.Wordlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.crypto.MnemonicUtils;

import static org.assertj.core.api.Assertions.assertThat;

class Bip39UnitTests {

	private final Bip39 bip39 = Bip39.load();

	@Test
	void shipsTheThreeWordlistsWithTheirKnownEnds() {
		assertThat(this.bip39.word(Wordlist.ENGLISH, 0)).isEqualTo("abandon");
		assertThat(this.bip39.word(Wordlist.ENGLISH, 2047)).isEqualTo("zoo");
		assertThat(this.bip39.word(Wordlist.CHINESE_SIMPLIFIED, 0)).isEqualTo("的");
		assertThat(this.bip39.word(Wordlist.CHINESE_SIMPLIFIED, 2047)).isEqualTo("歇");
		assertThat(this.bip39.word(Wordlist.CHINESE_TRADITIONAL, 0)).isEqualTo("的");
		assertThat(this.bip39.word(Wordlist.CHINESE_TRADITIONAL, 2047)).isEqualTo("歇");
		assertThat(this.bip39.englishIndex("about")).isEqualTo(3);
		assertThat(this.bip39.chineseIndex(Wordlist.CHINESE_TRADITIONAL, '們')).isGreaterThan(0);
		assertThat(this.bip39.chineseIndex(Wordlist.CHINESE_SIMPLIFIED, '們')).isEqualTo(-1);
	}

	@ParameterizedTest
	@CsvSource({
			"00000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
			"7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f, legal winner thank year wave sausage worth useful legal winner thank yellow",
			"80808080808080808080808080808080, letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
			"ffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
			"9e885d952ad362caeb4efe34a8e91bd2, ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
			"0000000000000000000000000000000000000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
			"68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c, hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length" })
	void encodesTheTrezorTestVectors(String entropy, String phrase) {
		int[] indexes = Bip39.encode(HexFormat.of().parseHex(entropy));
		assertThat(words(indexes)).isEqualTo(phrase);
		assertThat(Bip39.checksumValid(indexes, 0, indexes.length, Bip39.newSha256())).isTrue();
	}

	@Test
	void agreesWithWeb3jOnRandomEntropyOfEveryLength() {
		Random random = new SecureRandom();
		for (int bytes = 16; bytes <= 32; bytes += 4) {
			for (int i = 0; i < 50; i++) {
				byte[] entropy = new byte[bytes];
				random.nextBytes(entropy);
				int[] indexes = Bip39.encode(entropy);
				assertThat(words(indexes)).isEqualTo(MnemonicUtils.generateMnemonic(entropy));
				assertThat(Bip39.checksumValid(indexes, 0, indexes.length, Bip39.newSha256())).isTrue();
			}
		}
	}

	@Test
	void rejectsAPhraseWithOneWordChanged() {
		int[] indexes = Bip39.encode(new byte[16]);
		int rejected = 0;
		for (int word = 0; word < 2048; word++) {
			indexes[5] = word;
			if (!Bip39.checksumValid(indexes, 0, 12, Bip39.newSha256())) {
				rejected++;
			}
		}
		// A 12-word checksum has 4 bits: about 15 in 16 changes of an entropy word break
		// it.
		assertThat(rejected).isBetween(1800, 1990);
	}

	@Test
	void findsNeighboursOfMistypedWords() {
		assertThat(this.bip39.englishNeighbours("abandn")).contains(this.bip39.englishIndex("abandon"));
		assertThat(this.bip39.englishNeighbours("abnadon")).contains(this.bip39.englishIndex("abandon"));
		assertThat(this.bip39.englishNeighbours("abanodn")).contains(this.bip39.englishIndex("abandon"));
		assertThat(this.bip39.englishNeighbours("abando")).contains(this.bip39.englishIndex("abandon"));
		assertThat(this.bip39.englishNeighbours("xyzzyq")).isEmpty();
	}

	@Test
	void looksUpWordsInTextWithoutRegardToCase() {
		String text = "1. ABANDON 2. About";
		assertThat(this.bip39.englishIndex(text, 3, 10)).isZero();
		assertThat(this.bip39.englishIndex(text, 14, 19)).isEqualTo(3);
		assertThat(this.bip39.englishIndex(text, 0, 2)).isEqualTo(-1);
	}

	private String words(int[] indexes) {
		return IntStream.of(indexes)
			.mapToObj((i) -> this.bip39.word(Wordlist.ENGLISH, i))
			.collect(Collectors.joining(" "));
	}

}
