package io.walletdesk.channel.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelSettingUnitTests {

	@Test
	void aSecretSettingTakesAVariableNameAndRefusesTheSecretItself() {
		ChannelSetting token = ChannelSetting.secretEnv("botTokenEnv", true, "token");
		assertThat(token.problemWith("SUPPORT_BOT_TOKEN")).isNull();
		assertThat(token.problemWith("walletdesk.telegram.token")).isNull();
		assertThat(token.problemWith("123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")).contains("environment variable");
		assertThat(token.problemWith("")).isEqualTo("is required");
		assertThat(ChannelSetting.secretEnv("encodingAesKeyEnv", false, "key").problemWith(null)).isNull();
	}

	@Test
	void numbersAndFlagsAreChecked() {
		assertThat(ChannelSetting.number("officialGroupChatId", false, "").problemWith("-1001234567890")).isNull();
		assertThat(ChannelSetting.number("port", false, "").problemWith("imap")).isEqualTo("must be a whole number");
		assertThat(ChannelSetting.flag("ssl", "").problemWith("true")).isNull();
		assertThat(ChannelSetting.flag("ssl", "").problemWith("yes")).isEqualTo("must be true or false");
		assertThat(ChannelSetting.text("welcomeText", false, "").problemWith("欢迎关注")).isNull();
	}

}
