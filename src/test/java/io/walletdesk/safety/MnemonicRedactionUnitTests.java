package io.walletdesk.safety;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import io.walletdesk.safety.internal.Bip39.Wordlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MnemonicRedactionUnitTests {

	private final SecretScanner scanner = new SecretScanner();

	@ParameterizedTest
	@ValueSource(ints = { 12, 15, 18, 21, 24 })
	void redactsEnglishPhrasesOfEveryLength(int length) {
		String phrase = String.join(" ", Phrases.valid(new Random(length), length, Wordlist.ENGLISH));
		ScanResult result = this.scanner.scan("Hi, here it is: " + phrase + ". Can you help?");
		assertThat(result.redactedText())
			.isEqualTo("Hi, here it is: [redacted: mnemonic, " + length + " words]. Can you help?");
		assertThat(result.secrets()).singleElement().satisfies((secret) -> {
			assertThat(secret.type()).isEqualTo(SecretType.MNEMONIC);
			assertThat(secret.certainty()).isEqualTo(Certainty.CERTAIN);
			assertThat(secret.words()).isEqualTo(length);
			assertThat(secret.start()).isEqualTo(16);
			assertThat(secret.end()).isEqualTo(16 + phrase.length());
		});
	}

	@Test
	void redactsTheAllAbandonTestVector() {
		String text = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
		assertThat(this.scanner.scan(text).redactedText()).isEqualTo("[redacted: mnemonic, 12 words]");
	}

	@Test
	void redactsPhrasesWhateverTheSeparators() {
		List<String> words = Phrases.valid(new Random(1), 12, Wordlist.ENGLISH);
		List<String> layouts = List.of(String.join("\n", words), String.join(", ", words), String.join("，", words),
				String.join("、", words), numbered(words, "%d. %s "), numbered(words, "%d)%s\n"),
				numbered(words, "%d、%s "), numbered(words, "(%d) %s "), String.join(" ", words).toUpperCase(),
				"[\"" + String.join("\", \"", words) + "\"]");
		for (String layout : layouts) {
			ScanResult result = this.scanner.scan("My words:\n" + layout);
			assertThat(result.secrets()).as(layout).singleElement().satisfies((secret) -> {
				assertThat(secret.words()).isEqualTo(12);
				assertThat(secret.certainty()).isEqualTo(Certainty.CERTAIN);
			});
			assertThat(result.redactedText()).as(layout).doesNotContain(words.get(3)).doesNotContain(words.get(7));
		}
	}

	@Test
	void redactsPhraseWithOneMistypedWord() {
		List<String> words = new ArrayList<>(List.of("abandon", "abandon", "abandon", "abandon", "abandon", "abandon",
				"abandon", "abandon", "abandon", "abandon", "abandon", "about"));
		for (String typo : List.of("abandn", "abnadon", "abanddon", "abamdom")) {
			List<String> typed = new ArrayList<>(words);
			typed.set(4, typo);
			ScanResult result = this.scanner.scan("please restore " + String.join(" ", typed) + " thanks");
			assertThat(result.redactedText()).as(typo)
				.isEqualTo("please restore [redacted: mnemonic, 12 words] thanks");
			assertThat(result.secrets()).singleElement()
				.extracting(SecretFinding::certainty)
				.isEqualTo(Certainty.LIKELY);
		}
	}

	@Test
	void redactsRandomPhrasesWithOneMistypedWord() {
		Random random = new Random(7);
		for (int i = 0; i < 30; i++) {
			List<String> words = Phrases.valid(random, 12, Wordlist.ENGLISH);
			int position = random.nextInt(12);
			String word = words.get(position);
			words.set(position, word.substring(0, word.length() - 1) + "q");
			ScanResult result = this.scanner.scan(String.join(" ", words));
			assertThat(result.redactedText()).as(String.join(" ", words)).isEqualTo("[redacted: mnemonic, 12 words]");
		}
	}

	@Test
	void redactsPhraseWithOneMissingWord() {
		Random random = new Random(11);
		for (int i = 0; i < 10; i++) {
			List<String> words = Phrases.valid(random, 12, Wordlist.ENGLISH);
			words.remove(random.nextInt(12));
			ScanResult result = this.scanner.scan("Is this right?\n" + String.join(" ", words) + "\n???");
			assertThat(result.redactedText()).isEqualTo("Is this right?\n[redacted: mnemonic, 11 words]\n???");
		}
	}

	@Test
	void redactsTwentyFourWordPhraseWithOneMissingWord() {
		List<String> words = Phrases.valid(new Random(5), 24, Wordlist.ENGLISH);
		words.remove(17);
		ScanResult result = this.scanner.scan(String.join(" ", words));
		assertThat(result.redactedText()).isEqualTo("[redacted: mnemonic, 23 words]");
	}

	@Test
	void redactsPhraseWithOneExtraWord() {
		Random random = new Random(13);
		for (int i = 0; i < 10; i++) {
			List<String> words = Phrases.valid(random, 12, Wordlist.ENGLISH);
			words.add(1 + random.nextInt(11), Phrases.word(random.nextInt(2048), Wordlist.ENGLISH));
			ScanResult result = this.scanner.scan(String.join(" ", words));
			assertThat(result.redactedText()).isEqualTo("[redacted: mnemonic, 13 words]");
		}
	}

	@Test
	void hidesWordlistWordsRightBesideAPhraseRatherThanShowingPhraseWords() {
		List<String> words = Phrases.valid(new Random(3), 12, Wordlist.ENGLISH);
		words.remove(4);
		ScanResult result = this.scanner.scan("Hello!\n" + String.join(" ", words) + "\nThank you");
		// "thank" and "you" are wordlist words: the 11 words and both neighbours go.
		assertThat(result.redactedText()).isEqualTo("Hello!\n[redacted: mnemonic, 13 words]");
	}

	@Test
	void redactsAnnouncedWordlistRunWhateverItsChecksum() {
		List<String> words = Phrases.invalid(new Random(17), 12, Wordlist.ENGLISH);
		for (String announcement : List.of("my seed phrase is", "Recovery phrase -", "助记词", "the 12 words are",
				"mnemonic")) {
			ScanResult result = this.scanner.scan(announcement + " " + String.join(" ", words));
			assertThat(result.redactedText()).as(announcement)
				.isEqualTo(announcement + " [redacted: mnemonic, 12 words]");
			assertThat(result.secrets()).singleElement()
				.extracting(SecretFinding::certainty)
				.isEqualTo(Certainty.LIKELY);
		}
	}

	@Test
	void keepsUnannouncedWordlistRunThatFailsTheChecksum() {
		String words = String.join(" ", Phrases.invalid(new Random(19), 12, Wordlist.ENGLISH));
		assertThat(this.scanner.scan(words).hasSecrets()).isFalse();
	}

	@Test
	void keepsOrdinaryEnglishMadeOfWordlistWords() {
		String sentence = "I want to buy a new phone because my wallet app is slow and the balance is wrong today";
		assertThat(this.scanner.scan(sentence).redactedText()).isEqualTo(sentence);
		String prose = resource("english-prose.txt");
		for (String line : prose.split("\n")) {
			assertThat(this.scanner.scan(line).secrets()).as(line).isEmpty();
		}
		assertThat(this.scanner.scan(prose).redactedText()).isEqualTo(prose);
	}

	@Test
	void redactsChinesePhrasesSeparatedBySpacesOrNumbering() {
		for (Wordlist list : List.of(Wordlist.CHINESE_SIMPLIFIED, Wordlist.CHINESE_TRADITIONAL)) {
			List<String> words = Phrases.valid(new Random(23), 12, list);
			for (String layout : List.of(String.join(" ", words), String.join("，", words), String.join("、", words),
					numbered(words, "%d、%s "), numbered(words, "%d.%s\n"))) {
				ScanResult result = this.scanner.scan("你好：" + layout);
				assertThat(result.secrets()).as(layout).singleElement().satisfies((secret) -> {
					assertThat(secret.words()).isEqualTo(12);
					assertThat(secret.certainty()).isEqualTo(Certainty.CERTAIN);
				});
			}
		}
	}

	@Test
	void redactsChineseMnemonicWithoutSeparators() {
		String phrase = String.join("", Phrases.valid(new Random(29), 12, Wordlist.CHINESE_SIMPLIFIED));
		assertThat(this.scanner.scan("我的助记词：" + phrase).redactedText())
			.isEqualTo("我的助记词：[redacted: mnemonic, 12 words]");
		assertThat(this.scanner.scan("我的助记词是" + phrase + "，请帮我看看").redactedText())
			.isEqualTo("我的助记词是[redacted: mnemonic, 12 words]，请帮我看看");
		assertThat(this.scanner.scan("助记词如下\n" + phrase + "\n谢谢").redactedText())
			.isEqualTo("助记词如下\n[redacted: mnemonic, 12 words]\n谢谢");
	}

	@Test
	void redactsChineseMnemonicStandingOnItsOwnLineWithoutContext() {
		Random random = new Random(31);
		int redacted = 0;
		for (int i = 0; i < 100; i++) {
			String phrase = String.join("", Phrases.valid(random, 12, Wordlist.CHINESE_SIMPLIFIED));
			if (this.scanner.scan("帮我看看\n" + phrase + "\n谢谢").hasSecrets()) {
				redacted++;
			}
		}
		// Without context a phrase must also look random (few very frequent characters):
		// the
		// price is an occasional miss, about 1 in 60.
		assertThat(redacted).isGreaterThanOrEqualTo(95);
	}

	@Test
	void redactsTraditionalChineseWithoutSeparators() {
		String phrase = String.join("", Phrases.valid(new Random(37), 24, Wordlist.CHINESE_TRADITIONAL));
		assertThat(this.scanner.scan("助記詞：" + phrase).redactedText()).isEqualTo("助記詞：[redacted: mnemonic, 24 words]");
	}

	@Test
	void redactsChinesePhraseSpreadOverLines() {
		List<String> words = Phrases.valid(new Random(41), 12, Wordlist.CHINESE_SIMPLIFIED);
		StringBuilder grid = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			grid.append(words.get(i)).append((i % 4 == 3) ? "\n" : "");
		}
		ScanResult result = this.scanner.scan("助记词：\n" + grid + "请问还能恢复吗");
		assertThat(result.redactedText()).isEqualTo("助记词：\n[redacted: mnemonic, 12 words]\n请问还能恢复吗");
		StringBuilder perLine = new StringBuilder();
		words.forEach((w) -> perLine.append(w).append('\n'));
		assertThat(this.scanner.scan("我的种子\n" + perLine).redactedText())
			.isEqualTo("我的种子\n[redacted: mnemonic, 12 words]\n");
	}

	@Test
	void redactsAnnouncedChineseRunWhateverItsChecksumAndWithOneWrongCharacter() {
		List<String> words = Phrases.invalid(new Random(43), 12, Wordlist.CHINESE_SIMPLIFIED);
		assertThat(this.scanner.scan("助记词：" + String.join("", words)).redactedText())
			.isEqualTo("助记词：[redacted: mnemonic, 12 words]");
		List<String> valid = Phrases.valid(new Random(47), 12, Wordlist.CHINESE_SIMPLIFIED);
		// 們 is on neither simplified list: a slip into a traditional input method.
		valid.set(6, "們");
		assertThat(this.scanner.scan("助记词：" + String.join("", valid)).redactedText())
			.isEqualTo("助记词：[redacted: mnemonic, 12 words]");
	}

	@Test
	void keepsChineseProse() {
		String prose = resource("chinese-prose.txt");
		for (String line : prose.split("\n")) {
			assertThat(this.scanner.scan(line).secrets()).as(line).isEmpty();
		}
		assertThat(this.scanner.scan(prose).redactedText()).isEqualTo(prose);
	}

	@Test
	void keepsChineseProseAfterAMentionOfTheMnemonic() {
		String text = "我的手机丢了，我记得助记词，请问怎么恢复\n请帮我看一下这个问题谢谢\n我的钱包余额不对请帮忙处理一下\n";
		assertThat(this.scanner.scan(text).redactedText()).isEqualTo(text);
	}

	@Test
	void redactsTwoPhrasesInOneMessage() {
		String first = String.join(" ", Phrases.valid(new Random(53), 12, Wordlist.ENGLISH));
		String second = String.join("", Phrases.valid(new Random(59), 12, Wordlist.CHINESE_SIMPLIFIED));
		ScanResult result = this.scanner.scan("old: " + first + "\n助记词：" + second);
		assertThat(result.redactedText())
			.isEqualTo("old: [redacted: mnemonic, 12 words]\n助记词：[redacted: mnemonic, 12 words]");
		assertThat(result.secrets()).hasSize(2);
	}

	private static String numbered(List<String> words, String format) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < words.size(); i++) {
			out.append(String.format(format, i + 1, words.get(i)));
		}
		return out.toString().strip();
	}

	static String resource(String name) {
		try (InputStream in = MnemonicRedactionUnitTests.class.getResourceAsStream("/safety/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String join(List<String> words) {
		return words.stream().collect(Collectors.joining(" "));
	}

}
