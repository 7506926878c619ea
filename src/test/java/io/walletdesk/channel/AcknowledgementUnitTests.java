package io.walletdesk.channel;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementUnitTests {

	@Test
	void promisesTheResponseTimeInTheLargestWholeUnit() {
		assertThat(Acknowledgement.within(Duration.ofMinutes(5), "en")).isEqualTo("within 5 minutes");
		assertThat(Acknowledgement.within(Duration.ofMinutes(1), "en")).isEqualTo("within 1 minute");
		assertThat(Acknowledgement.within(Duration.ofMinutes(90), "en")).isEqualTo("within 90 minutes");
		assertThat(Acknowledgement.within(Duration.ofHours(2), "en")).isEqualTo("within 2 hours");
		assertThat(Acknowledgement.within(Duration.ofDays(1), "en")).isEqualTo("within 1 day");
		assertThat(Acknowledgement.within(Duration.ofSeconds(20), "en")).isEqualTo("within 1 minute");
		assertThat(Acknowledgement.within(Duration.ofMinutes(5), "zh")).isEqualTo(" 5 分钟内");
		assertThat(Acknowledgement.within(Duration.ofHours(3), "zh")).isEqualTo(" 3 小时内");
	}

	@Test
	void theInboxsOwnResponseTimeWinsAndAMistypedOneFallsBackToTheDefault() {
		Acknowledgement acknowledgement = new Acknowledgement(Duration.ofMinutes(5), null);
		assertThat(acknowledgement.text(inbox(Map.of("expectedResponseMinutes", "30")), "zh", "WD-000042"))
			.isEqualTo("您好，我们已收到您的消息，工单编号为 WD-000042。客服人员将在 30 分钟内回复您，请耐心等待。");
		assertThat(acknowledgement.text(inbox(Map.of("expectedResponseMinutes", "soon")), "en", "WD-000042"))
			.isEqualTo("Thank you, we have received your message. Your ticket number is WD-000042. "
					+ "A support agent will reply within 5 minutes.");
		assertThat(acknowledgement.text(inbox(Map.of()), "ja", "WD-7")).contains("within 5 minutes");
	}

	private static InboxView inbox(Map<String, String> settings) {
		return new InboxView(UUID.randomUUID(), "telegram", "Bot", "telegram_x", settings, true, null, null);
	}

}
