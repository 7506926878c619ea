package io.walletdesk.safety;

import java.util.List;
import java.util.Random;

import io.walletdesk.safety.internal.Bip39.Wordlist;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionUnitTests {

	private static final String KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

	private final SecretScanner scanner = new SecretScanner(new LinkChecker(List.of("brand.com")));

	@Test
	void keepsEverythingAroundTheSecretsAndReportsOriginalOffsets() {
		String phrase = String.join(" ", Phrases.valid(new Random(61), 12, Wordlist.ENGLISH));
		String text = "Hi 👋 team,\n私钥：" + KEY + "\nwords: " + phrase + "\nsee brand-help.com 谢谢";
		ScanResult result = this.scanner.scan(text);
		assertThat(result.redactedText()).isEqualTo(
				"Hi 👋 team,\n私钥：[redacted: private key]\nwords: [redacted: mnemonic, 12 words]\nsee brand-help.com 谢谢");
		assertThat(result.secrets()).hasSize(2);
		assertThat(text.substring(result.secrets().get(0).start(), result.secrets().get(0).end())).isEqualTo(KEY);
		assertThat(text.substring(result.secrets().get(1).start(), result.secrets().get(1).end())).isEqualTo(phrase);
		assertThat(result.links()).singleElement().satisfies((link) -> {
			assertThat(text.substring(link.start(), link.end())).isEqualTo("brand-help.com");
			assertThat(link.verdict()).isEqualTo(LinkVerdict.LOOKALIKE);
		});
		assertThat(result.hasLookalikeLinks()).isTrue();
	}

	@Test
	void findsNothingNewInRedactedText() {
		String phrase = String.join(" ", Phrases.valid(new Random(67), 12, Wordlist.ENGLISH));
		String invalid = String.join(" ", Phrases.invalid(new Random(71), 12, Wordlist.ENGLISH));
		for (String text : List.of("mnemonic " + phrase + " " + invalid, "seed phrase: " + phrase + "\n" + invalid,
				"private key " + KEY + " " + KEY, "[redacted: mnemonic, 12 words] " + invalid)) {
			ScanResult once = this.scanner.scan(text);
			ScanResult twice = this.scanner.scan(once.redactedText());
			assertThat(twice.secrets()).as(text).isEmpty();
			assertThat(twice.redactedText()).isEqualTo(once.redactedText());
		}
	}

	@Test
	void leavesTextWithoutSecretsUntouched() {
		String text = "Order 2024-06-15 #8812: 3.5 ETH to 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23, fee 0.002";
		ScanResult result = this.scanner.scan(text);
		assertThat(result.redactedText()).isSameAs(text);
		assertThat(result.hasSecrets()).isFalse();
	}

	@Test
	void redactsSecretsInHtmlAndKeepsTheMarkup() {
		List<String> words = Phrases.valid(new Random(73), 12, Wordlist.ENGLISH);
		String html = "<p>Dear team:</p><p>" + String.join("<br>", words.subList(0, 6)) + "<br/>\n"
				+ String.join(" <b>", words.subList(6, 12)).replace(" <b>", " <b>") + "</p><p>thanks &amp; bye</p>";
		String redacted = this.scanner.redactHtml(html);
		assertThat(redacted).startsWith("<p>Dear team:</p><p>[redacted: mnemonic, 12 words]<br><br><br>")
			.endsWith("</p><p>thanks &amp; bye</p>");
		for (String word : words) {
			assertThat(redacted).doesNotContain(">" + word);
		}
		assertThat(this.scanner.scan(redacted).hasSecrets()).isFalse();
	}

	@Test
	void redactsHtmlWithCharacterReferencesAndChineseInTags() {
		String phrase = String.join("", Phrases.valid(new Random(79), 12, Wordlist.CHINESE_SIMPLIFIED));
		String html = "<div>助记词&#xFF1A;<span>" + phrase.substring(0, 5) + "</span>" + phrase.substring(5) + "</div>"
				+ "<div>私钥&nbsp;<code>" + KEY + "</code></div>";
		String redacted = this.scanner.redactHtml(html);
		assertThat(redacted).isEqualTo("<div>助记词&#xFF1A;<span>[redacted: mnemonic, 12 words]</span></div>"
				+ "<div>私钥&nbsp;<code>[redacted: private key]</code></div>");
	}

	@Test
	void returnsHtmlWithoutSecretsAsItWas() {
		String html = "<p>My <b>balance</b> is wrong &mdash; please check <a href=\"https://brand.com\">this</a>.</p>";
		assertThat(this.scanner.redactHtml(html)).isSameAs(html);
	}

}
