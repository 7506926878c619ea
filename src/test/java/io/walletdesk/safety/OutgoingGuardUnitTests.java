package io.walletdesk.safety;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutgoingGuardUnitTests {

	private final OutgoingGuard guard = new OutgoingGuard(new SecretScanner(new LinkChecker(List.of("brand.com"))));

	@Test
	void decidesTheLabelledRepliesCorrectly() {
		List<String> wrong = new ArrayList<>();
		List<Case> cases = cases();
		for (Case c : cases) {
			if (this.guard.check(c.reply, c.language).blocked() != c.block) {
				wrong.add((c.block ? "allowed " : "blocked ") + c.reply);
			}
		}
		assertThat(cases.stream().filter((c) -> c.block)).hasSizeGreaterThanOrEqualTo(60);
		assertThat(cases.stream().filter((c) -> !c.block)).hasSizeGreaterThanOrEqualTo(60);
		double accuracy = 1.0 - (double) wrong.size() / cases.size();
		assertThat(accuracy).as("wrong: %s", wrong).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void neverAllowsTheClearestRequests() {
		for (Case c : cases()) {
			if (c.clearest) {
				assertThat(this.guard.check(c.reply, c.language).blocked()).as(c.reply).isTrue();
			}
		}
	}

	@Test
	void namesTheReasons() {
		assertThat(this.guard.check("Please provide your seed phrase.", "en").reasons())
			.containsExactly(GuardVerdict.SECRET_REQUEST);
		assertThat(this.guard.check("请下载AnyDesk。", "zh").reasons()).containsExactly(GuardVerdict.REMOTE_ACCESS);
		assertThat(this.guard.check("请转一笔小额资金进行验证", "zh").reasons())
			.containsExactly(GuardVerdict.VERIFICATION_TRANSFER);
		assertThat(this.guard
			.check("Your words: abandon abandon abandon abandon abandon abandon abandon abandon "
					+ "abandon abandon abandon about", "en")
			.reasons()).containsExactly(GuardVerdict.CONTAINS_SECRET);
	}

	@Test
	void returnsLinksThatAreNotOfficialWithoutBlocking() {
		GuardVerdict verdict = this.guard
			.check("Reset it at https://brand.com/reset or see brand-help.com and https://docs.example.org", "en");
		assertThat(verdict.blocked()).isFalse();
		assertThat(verdict.nonOfficialLinks()).extracting(LinkFinding::host)
			.containsExactly("brand-help.com", "docs.example.org");
	}

	@Test
	void letsTheGuidanceSnippetsThrough() {
		SafetyGuidance guidance = new SafetyGuidance();
		for (String language : List.of("en", "zh")) {
			for (String key : guidance.keys()) {
				GuardVerdict verdict = this.guard.check(guidance.get(key, language), language);
				assertThat(verdict.blocked()).as(key + " " + language + ": " + verdict.reasons()).isFalse();
			}
		}
	}

	private static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (String line : MnemonicRedactionUnitTests.resource("outgoing-guard-cases.tsv").split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\t", 3);
			cases.add(new Case(parts[0].startsWith("block"), parts[0].equals("block!"), parts[1], parts[2]));
		}
		return cases;
	}

	private record Case(boolean block, boolean clearest, String language, String reply) {

	}

}
