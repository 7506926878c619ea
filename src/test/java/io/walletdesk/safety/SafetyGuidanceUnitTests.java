package io.walletdesk.safety;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SafetyGuidanceUnitTests {

	private final SafetyGuidance guidance = new SafetyGuidance();

	@Test
	void offersEverySnippetInEnglishAndChinese() {
		assertThat(this.guidance.keys()).containsExactlyInAnyOrder(SafetyGuidance.NEVER_SHARE_MNEMONIC,
				SafetyGuidance.SUPPORT_NEVER_ASKS, SafetyGuidance.SPOT_PHISHING, SafetyGuidance.FAKE_SUPPORT_ACCOUNTS,
				SafetyGuidance.REVOKE_APPROVALS, SafetyGuidance.MOVE_FUNDS_AFTER_LEAK,
				SafetyGuidance.SECRET_REMOVED_REPLY, SafetyGuidance.PHISHING_LINK_WARNING);
		for (String key : this.guidance.keys()) {
			String english = this.guidance.get(key, "en");
			String chinese = this.guidance.get(key, "zh");
			assertThat(english).as(key).isNotBlank().doesNotContainPattern("\\p{IsHan}");
			assertThat(chinese).as(key).containsPattern("\\p{IsHan}").isNotEqualTo(english);
		}
	}

	@Test
	void saysTheSecretWasRemovedAndFundsMustMove() {
		assertThat(this.guidance.get(SafetyGuidance.SECRET_REMOVED_REPLY, "en")).contains("removed")
			.contains("never ask")
			.contains("new wallet");
		assertThat(this.guidance.get(SafetyGuidance.SECRET_REMOVED_REPLY, "zh-CN")).contains("删除")
			.contains("绝不会")
			.contains("新钱包");
	}

	@Test
	void fallsBackToEnglish() {
		String english = this.guidance.get(SafetyGuidance.SPOT_PHISHING, "en");
		assertThat(this.guidance.get(SafetyGuidance.SPOT_PHISHING, "fr")).isEqualTo(english);
		assertThat(this.guidance.get(SafetyGuidance.SPOT_PHISHING, null)).isEqualTo(english);
		assertThat(this.guidance.get(SafetyGuidance.SPOT_PHISHING, "zh_TW"))
			.isEqualTo(this.guidance.get(SafetyGuidance.SPOT_PHISHING, "zh"));
	}

	@Test
	void rejectsUnknownKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.guidance.get("no-such-snippet", "en"));
	}

}
