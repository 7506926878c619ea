package io.walletdesk.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.walletdesk.safety.internal.Bip39.Wordlist;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties that must hold for any input: the scanner does not throw, its spans are in
 * range and disjoint, it keeps the text outside them, and redaction is idempotent.
 */
class SecretScannerPropertiesTests {

	private final SecretScanner scanner = new SecretScanner(new LinkChecker(List.of("brand.com")));

	private final OutgoingGuard guard = new OutgoingGuard(this.scanner);

	@Property(tries = 400)
	void spansAreInRangeDisjointAndEverythingElseIsKept(@ForAll("messages") String text) {
		ScanResult result = this.scanner.scan(text);
		StringBuilder expected = new StringBuilder();
		int at = 0;
		for (SecretFinding secret : result.secrets()) {
			assertThat(secret.start()).isGreaterThanOrEqualTo(at);
			assertThat(secret.end()).isLessThanOrEqualTo(text.length()).isGreaterThan(secret.start());
			expected.append(text, at, secret.start()).append(secret.placeholder());
			at = secret.end();
		}
		expected.append(text, at, text.length());
		assertThat(result.redactedText()).isEqualTo(expected.toString());
		for (LinkFinding link : result.links()) {
			assertThat(link.start()).isBetween(0, text.length());
			assertThat(link.end()).isBetween(link.start() + 1, text.length());
			assertThat(text.substring(link.start(), link.end())).isEqualTo(link.url());
		}
	}

	@Property(tries = 400)
	void redactionIsIdempotent(@ForAll("messages") String text) {
		String once = this.scanner.scan(text).redactedText();
		ScanResult again = this.scanner.scan(once);
		assertThat(again.secrets()).isEmpty();
		assertThat(again.redactedText()).isEqualTo(once);
	}

	@Property(tries = 300)
	void neverThrowsOnArbitraryUnicode(@ForAll String text) {
		ScanResult result = this.scanner.scan(text);
		assertThat(this.scanner.scan(result.redactedText()).secrets()).isEmpty();
		this.guard.check(text, "zh");
	}

	@Property(tries = 200)
	void htmlRedactionIsIdempotent(@ForAll("html") String html) {
		String once = this.scanner.redactHtml(html);
		assertThat(this.scanner.redactHtml(once)).isEqualTo(once);
	}

	@Provide
	Arbitrary<String> messages() {
		return fragments().list().ofMinSize(0).ofMaxSize(60).map((parts) -> String.join("", parts));
	}

	@Provide
	Arbitrary<String> html() {
		Arbitrary<String> tags = Arbitraries.of("<br>", "<p>", "</p>", "<b>", "</b>", "<div class=\"x\">", "</div>",
				"&amp;", "&nbsp;", "&#x4E00;", "<!-- c -->", "<", "&");
		return Arbitraries.oneOf(fragments(), tags).list().ofMaxSize(60).map((parts) -> String.join("", parts));
	}

	private Arbitrary<String> fragments() {
		Arbitrary<String> english = Arbitraries.integers()
			.between(0, 2047)
			.map((i) -> Phrases.word(i, Wordlist.ENGLISH));
		Arbitrary<String> chinese = Arbitraries.integers()
			.between(0, 2047)
			.map((i) -> Phrases.word(i, Wordlist.CHINESE_SIMPLIFIED));
		Arbitrary<String> traditional = Arbitraries.integers()
			.between(0, 2047)
			.map((i) -> Phrases.word(i, Wordlist.CHINESE_TRADITIONAL));
		Arbitrary<String> separators = Arbitraries.of(" ", " ", " ", "\n", ", ", "，", "、", "1. ", "2)", "3、", ":", "：",
				"。", ".", "-", "\"", "[", "]", "{", "}", "0x", "@", "/", "http://", "https://", "www.", ".com", ".io");
		Arbitrary<String> hex = Arbitraries.strings()
			.withChars("0123456789abcdefABCDEF")
			.ofMinLength(60)
			.ofMaxLength(66);
		Arbitrary<String> base58 = Arbitraries.strings()
			.withChars("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
			.ofMinLength(40)
			.ofMaxLength(115);
		Arbitrary<String> cjk = Arbitraries.strings().withCharRange('\u4E00', '\u9FFF').ofMinLength(1).ofMaxLength(20);
		Arbitrary<String> emoji = Arbitraries.of("👋", "🔑", "💰", "\uD83D", "\uDC4B", "é", "\u0430", "\u200B");
		Arbitrary<String> context = Arbitraries.of("seed phrase ", "助记词：", "私钥 ", "private key: ", "tx ", "交易 ",
				"[redacted: mnemonic, 12 words]", "[redacted: private key]",
				"\"crypto\":{\"ciphertext\":\"ab\",\"kdf\":\"x\"}", "brand.com", "brand-help.com", "[1,2,3]");
		Arbitrary<String> phrase = Arbitraries.integers().between(0, 10_000).map((seed) -> {
			Random random = new Random(seed);
			Wordlist list = Wordlist.values()[random.nextInt(3)];
			List<String> words = new ArrayList<>(Phrases.valid(random, 12 + 3 * random.nextInt(5), list));
			if (random.nextBoolean()) {
				words.remove(random.nextInt(words.size()));
			}
			return String.join((list == Wordlist.ENGLISH || random.nextBoolean()) ? " " : "", words);
		});
		return Arbitraries.frequencyOf(Tuple.of(20, english), Tuple.of(10, chinese), Tuple.of(3, traditional),
				Tuple.of(25, separators), Tuple.of(2, hex), Tuple.of(2, base58), Tuple.of(4, cjk), Tuple.of(3, emoji),
				Tuple.of(3, context), Tuple.of(2, phrase));
	}

}
