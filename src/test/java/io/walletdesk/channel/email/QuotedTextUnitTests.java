package io.walletdesk.channel.email;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedTextUnitTests {

	@Test
	void removesGmailStyleAttributionAndQuotedLines() {
		assertThat(QuotedText.strip("""
				Still not there.

				On Mon, 23 Nov 2026 at 10:00, WalletDesk Support <support@walletdesk.io> wrote:
				> Please send the transaction hash.
				""")).isEqualTo("Still not there.");
	}

	@Test
	void removesAWrappedAttribution() {
		assertThat(QuotedText.strip("""
				Done.

				On Mon, 23 Nov 2026 at 10:00, WalletDesk Support
				<support@walletdesk.io> wrote:
				> Anything else?
				""")).isEqualTo("Done.");
	}

	@Test
	void removesChineseAttribution() {
		assertThat(QuotedText.strip("""
				还是没有到账。

				在 2026年11月23日 10:00，WalletDesk 客服 <support@walletdesk.io> 写道：
				> 请提供交易哈希。
				""")).isEqualTo("还是没有到账。");
	}

	@Test
	void removesOutlookOriginalMessageAndChineseHeaderBlocks() {
		assertThat(QuotedText.strip("""
				See below.

				-----Original Message-----
				From: Support
				Sent: Monday
				""")).isEqualTo("See below.");
		assertThat(QuotedText.strip("""
				请看下面。

				发件人: WalletDesk 客服
				发送时间: 2026年11月23日 10:00
				收件人: 我
				""")).isEqualTo("请看下面。");
	}

	@Test
	void removesTheSignatureButKeepsADashLineInTheText() {
		assertThat(QuotedText.strip("Steps:\n- open the app\n-- \nAlice\nCEO")).isEqualTo("Steps:\n- open the app");
	}

	@Test
	void keepsAMailThatIsOnlyAQuote() {
		assertThat(QuotedText.strip("> just a quote")).isEqualTo("> just a quote");
	}

	@Test
	void cutsHtmlAtTheQuotedPart() {
		assertThat(QuotedText.stripHtml("<p>New</p><div class=\"gmail_quote\"><p>Old</p></div>"))
			.isEqualTo("<p>New</p>");
	}

}
