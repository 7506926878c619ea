package io.walletdesk.channel.telegram;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RecordingApi;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A customer whose Telegram message opens a ticket hears back at once: received, the
 * ticket number, when to expect an answer, in their language.
 */
@WalletDeskIntegrationTest
class AcknowledgementIntegrationTests {

	static final String SECRET = "ack-secret-" + UUID.randomUUID();

	static RecordingApi telegram;

	@Autowired
	MockMvc mvc;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	@BeforeAll
	static void startTelegram() throws Exception {
		telegram = new RecordingApi();
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@Test
	void aChineseCustomerIsAcknowledgedOnceInChineseWithTheTicketNumberAndDefaultResponseTime() throws Exception {
		InboxView inbox = inbox(Map.of());
		long chat = chat();
		send(inbox, message(1, chat, 10, "zh-hans", "我的USDT没到账"));
		String number = ticket(inbox, chat).number();

		RecordingApi.Call ack = telegram.await(call -> call.body().contains(number));
		assertThat(ack.path()).endsWith("/sendMessage");
		assertThat(ack.body()).contains("我们已收到您的消息").contains("5 分钟内").contains(String.valueOf(chat));

		send(inbox, message(2, chat, 11, "zh-hans", "交易哈希已经发了"));
		send(inbox, message(1, chat, 10, "zh-hans", "我的USDT没到账"));
		Thread.sleep(500);
		assertThat(telegram.calls().stream().filter(call -> call.body().contains(number)).count())
			.as("a follow-up and a repeated update are not acknowledged again")
			.isEqualTo(1);
		TicketView.Details details = this.tickets.details(ticket(inbox, chat).id());
		assertThat(details.messages()).filteredOn(m -> m.authorKind() == AuthorKind.SYSTEM)
			.singleElement()
			.satisfies(m -> assertThat(m.body()).contains(number));
	}

	@Test
	void anEnglishCustomerReadsTheInboxsOwnResponseTime() throws Exception {
		InboxView inbox = inbox(Map.of("expectedResponseMinutes", "120"));
		long chat = chat();
		send(inbox, message(1, chat, 1, "en", "my swap failed"));
		String number = ticket(inbox, chat).number();
		RecordingApi.Call ack = telegram.await(call -> call.body().contains(number));
		assertThat(ack.body()).contains("we have received your message").contains("within 2 hours");
	}

	@Test
	void anInboxCanTurnTheAcknowledgementOff() throws Exception {
		InboxView inbox = inbox(Map.of("acknowledge", "false"));
		long chat = chat();
		send(inbox, message(1, chat, 1, "en", "hello"));
		TicketView ticket = ticket(inbox, chat);
		Thread.sleep(500);
		assertThat(telegram.calls()).noneMatch(call -> call.body().contains(ticket.number()));
		assertThat(this.tickets.details(ticket.id()).messages()).hasSize(1);
	}

	@Test
	void theSecurityWarningAboutARemovedSecretReachesTheCustomerBeforeTheAcknowledgement() throws Exception {
		InboxView inbox = inbox(Map.of());
		long chat = chat();
		String mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
		send(inbox, message(1, chat, 1, "en", "my words are " + mnemonic));
		String number = ticket(inbox, chat).number();
		telegram.await(call -> call.body().contains(number));
		List<RecordingApi.Call> toCustomer = telegram.calls()
			.stream()
			.filter(call -> call.path().endsWith("/sendMessage") && call.body().contains(String.valueOf(chat)))
			.toList();
		assertThat(toCustomer).hasSize(2);
		assertThat(toCustomer.get(0).body()).doesNotContain(number).doesNotContain("abandon about");
		assertThat(toCustomer.get(1).body()).contains(number);
	}

	private InboxView inbox(Map<String, String> extra) {
		RecordingApi.setProperty(this.environment, "walletdesk.channel.telegram.api-base-url", telegram.baseUrl());
		RecordingApi.setProperty(this.environment, "WALLETDESK_TELEGRAM_TOKEN_ACK", "555:ack-token");
		RecordingApi.setProperty(this.environment, "WALLETDESK_TELEGRAM_SECRET_ACK", SECRET);
		Map<String, String> settings = new java.util.HashMap<>(Map.of("botTokenEnv", "WALLETDESK_TELEGRAM_TOKEN_ACK",
				"secretTokenEnv", "WALLETDESK_TELEGRAM_SECRET_ACK"));
		settings.putAll(extra);
		return this.inboxes.create("telegram", "Ack bot " + UUID.randomUUID(), settings, null);
	}

	private void send(InboxView inbox, String update) throws Exception {
		this.mvc
			.perform(post("/channels/telegram/{key}", inbox.publicKey()).contentType(MediaType.APPLICATION_JSON)
				.header("X-Telegram-Bot-Api-Secret-Token", SECRET)
				.content(update))
			.andExpect(status().isOk());
	}

	private TicketView ticket(InboxView inbox, long chat) {
		UUID id = this.jdbc.sql("select ticket_id from channel_thread where inbox_id = ? and thread_key = ?")
			.params(inbox.id(), String.valueOf(chat))
			.query(UUID.class)
			.single();
		return this.tickets.get(id);
	}

	private static long chat() {
		return 100000 + (long) (Math.random() * 1_000_000_000);
	}

	private static String message(long updateId, long chat, long messageId, String language, String text) {
		return """
				{"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
				 "chat": {"id": %d, "type": "private"},
				 "from": {"id": %d, "first_name": "Li", "language_code": "%s"},
				 "text": "%s"}}""".formatted(updateId, messageId, chat, chat, language, text);
	}

}
