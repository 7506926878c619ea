package io.walletdesk.channel.telegram;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramUpdateUnitTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private TelegramUpdate read(String update) {
		return TelegramUpdate.of(this.json.readTree(update), "WalletHelpBot", "-1001");
	}

	@Test
	void aPrivateMessageIsACustomerMessageKeyedByChatAndMessage() {
		TelegramUpdate update = read("""
				{"update_id": 10, "message": {"message_id": 7, "date": 1700000000,
				 "chat": {"id": 42, "type": "private"},
				 "from": {"id": 42, "first_name": "Li", "last_name": "Na", "language_code": "zh-hans"},
				 "text": "我的USDT没到账"}}""");
		assertThat(update).isEqualTo(new TelegramUpdate.Customer("42:7", "42", "42", "Li Na", "zh-hans", "我的USDT没到账",
				java.time.Instant.ofEpochSecond(1700000000), java.util.List.of()));
	}

	@Test
	void photosAndDocumentsAreNotedInTheText() {
		TelegramUpdate update = read("""
				{"update_id": 11, "message": {"message_id": 8, "chat": {"id": 42, "type": "private"},
				 "from": {"id": 42, "username": "lina"}, "caption": "screenshot",
				 "photo": [{"file_id": "a"}], "document": {"file_id": "b", "file_name": "tx.pdf"}}}""");
		assertThat(update).isInstanceOfSatisfying(TelegramUpdate.Customer.class, customer -> {
			assertThat(customer.text()).isEqualTo("screenshot\n[photo]\n[document: tx.pdf]");
			assertThat(customer.name()).isEqualTo("lina");
			assertThat(customer.media()).containsExactly(new TelegramUpdate.Media("a", "photo-8.jpg", "image/jpeg", -1),
					new TelegramUpdate.Media("b", "tx.pdf", "application/octet-stream", -1));
		});
	}

	@Test
	void anEditIsANewMessageMarkedAsEdited() {
		TelegramUpdate update = read("""
				{"update_id": 12, "edited_message": {"message_id": 7, "edit_date": 1700000100,
				 "chat": {"id": 42, "type": "private"}, "from": {"id": 42, "first_name": "Li"}, "text": "fixed"}}""");
		assertThat(update).isInstanceOfSatisfying(TelegramUpdate.Customer.class, customer -> {
			assertThat(customer.externalId()).isEqualTo("42:7:edit:1700000100");
			assertThat(customer.text()).isEqualTo("(edited) fixed");
		});
	}

	@Test
	void inTheOfficialGroupOnlyMentionsOfTheBotAreConversations() {
		assertThat(read("""
				{"update_id": 13, "message": {"message_id": 9, "chat": {"id": -1001, "type": "supergroup"},
				 "from": {"id": 5, "first_name": "Bo"}, "text": "gm everyone"}}"""))
			.isInstanceOf(TelegramUpdate.Ignored.class);
		assertThat(read("""
				{"update_id": 14, "message": {"message_id": 10, "chat": {"id": -1001, "type": "supergroup"},
				 "from": {"id": 5, "first_name": "Bo"}, "text": "@wallethelpbot withdrawal stuck"}}"""))
			.isInstanceOfSatisfying(TelegramUpdate.Customer.class,
					customer -> assertThat(customer.threadKey()).isEqualTo("group:-1001:5"));
		assertThat(read("""
				{"update_id": 15, "message": {"message_id": 11, "chat": {"id": -2002, "type": "group"},
				 "from": {"id": 5}, "text": "@WalletHelpBot hi"}}""")).isInstanceOf(TelegramUpdate.Ignored.class);
	}

	@Test
	void newMembersOfTheOfficialGroupAreNoticed() {
		assertThat(read("""
				{"update_id": 16, "message": {"message_id": 12, "chat": {"id": -1001, "type": "supergroup"},
				 "from": {"id": 6}, "new_chat_members": [{"id": 6, "first_name": "New"}]}}"""))
			.isEqualTo(new TelegramUpdate.MembersJoined("-1001"));
	}

	@Test
	void otherUpdatesAndBotsAreIgnored() {
		assertThat(read("""
				{"update_id": 17, "callback_query": {"id": "x"}}""")).isInstanceOf(TelegramUpdate.Ignored.class);
		assertThat(read("""
				{"update_id": 18, "message": {"message_id": 13, "chat": {"id": 9, "type": "private"},
				 "from": {"id": 9, "is_bot": true}, "text": "beep"}}""")).isInstanceOf(TelegramUpdate.Ignored.class);
	}

	@Test
	void aGroupReplyMentionsTheCustomerAndLongRepliesAreSplit() {
		List<Map<String, Object>> requests = TelegramAdapter.requests("group:-1001:5", "5", "WD-000001",
				"x".repeat(5000));
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0)).containsEntry("chat_id", "-1001");
		assertThat((String) requests.get(0).get("text")).startsWith("WD-000001: x").hasSize(4096);
		assertThat(requests.get(0).get("entities"))
			.isEqualTo(List.of(Map.of("type", "text_mention", "offset", 0, "length", 9, "user", Map.of("id", 5L))));
		assertThat(requests.get(1)).doesNotContainKey("entities");
		assertThat(TelegramAdapter.requests("42", "42", "WD-000001", "hello"))
			.containsExactly(Map.of("chat_id", "42", "text", "hello"));
	}

}
