package io.walletdesk.channel.telegram;

import java.util.Map;
import java.util.UUID;

import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.ChannelIntake;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RecordingApi;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class TelegramChannelIntegrationTests {

	static final String SECRET = "webhook-secret-" + UUID.randomUUID();

	static final String TOKEN = "123456:test-token";

	static RecordingApi telegram;

	@Autowired
	MockMvc mvc;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	ChannelIntake intake;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TestAgents agents;

	@Autowired
	io.walletdesk.ConsoleTestSupport console;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	final JsonMapper json = JsonMapper.builder().build();

	InboxView inbox;

	@BeforeAll
	static void startTelegram() throws Exception {
		telegram = new RecordingApi();
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@BeforeEach
	void inbox() {
		RecordingApi.setProperty(this.environment, "walletdesk.channel.telegram.api-base-url", telegram.baseUrl());
		RecordingApi.setProperty(this.environment, "WALLETDESK_TELEGRAM_TOKEN_TEST", TOKEN);
		RecordingApi.setProperty(this.environment, "WALLETDESK_TELEGRAM_SECRET_TEST", SECRET);
		telegram.answer(call -> new RecordingApi.Answer(200, "{\"ok\":true,\"result\":{\"message_id\":99}}"));
		this.inbox = this.inboxes.create("telegram", "Support bot " + UUID.randomUUID(),
				Map.of("botTokenEnv", "WALLETDESK_TELEGRAM_TOKEN_TEST", "secretTokenEnv",
						"WALLETDESK_TELEGRAM_SECRET_TEST", "botUsername", "WalletHelpBot", "officialGroupChatId",
						"-100777", "impersonatorWarningInterval", "1h"),
				null);
	}

	private ResultActions send(String secret, String update) throws Exception {
		var request = post("/channels/telegram/{key}", this.inbox.publicKey()).contentType(MediaType.APPLICATION_JSON)
			.content(update);
		if (secret != null) {
			request.header("X-Telegram-Bot-Api-Secret-Token", secret);
		}
		return this.mvc.perform(request);
	}

	private static String privateMessage(long updateId, long chat, long messageId, String text) {
		return """
				{"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
				 "chat": {"id": %d, "type": "private"},
				 "from": {"id": %d, "first_name": "Li", "last_name": "Na", "username": "lina", "language_code": "zh-hans"},
				 "text": "%s"}}"""
			.formatted(updateId, messageId, chat, chat, text);
	}

	private long ticketsOfInbox() {
		return this.jdbc.sql("select count(*) from channel_thread where inbox_id = ?")
			.param(this.inbox.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aPrivateChatBecomesATicketOfTheTelegramCustomer() throws Exception {
		long chat = 100000 + (long) (Math.random() * 1_000_000);
		send(SECRET, privateMessage(1, chat, 7, "我的USDT没到账")).andExpect(status().isOk());
		send(SECRET, privateMessage(2, chat, 8, "交易哈希已经发了")).andExpect(status().isOk());

		ChannelIntake.Thread thread = threadOf(String.valueOf(chat));
		TicketView.Details details = this.tickets.details(ticketOf(String.valueOf(chat)));
		assertThat(customerMessages(details.ticket().id())).extracting(TicketView.MessageView::body)
			.containsExactly("我的USDT没到账", "交易哈希已经发了");
		assertThat(details.ticket().channel().id()).isEqualTo("telegram");
		assertThat(thread.recipient()).isEqualTo(String.valueOf(chat));
	}

	@Test
	void aPhotoIsDownloadedAndKeptAsAnAttachmentAndAnUnsupportedFileIsNoted() throws Exception {
		long chat = 100000 + (long) (Math.random() * 1_000_000);
		String photo = "screenshot-bytes-" + chat;
		telegram.answer(call -> {
			if (call.path().endsWith("/getFile")) {
				String fileId = call.query().replace("file_id=", "");
				return new RecordingApi.Answer(200, "{\"ok\":true,\"result\":{\"file_id\":\"" + fileId
						+ "\",\"file_size\":" + photo.length() + ",\"file_path\":\"photos/" + fileId + ".jpg\"}}");
			}
			if (call.path().startsWith("/file/bot" + TOKEN + "/photos/")) {
				return new RecordingApi.Answer(200, photo);
			}
			return new RecordingApi.Answer(200, "{\"ok\":true,\"result\":{\"message_id\":99}}");
		});
		send(SECRET, """
				{"update_id": 40, "message": {"message_id": 12, "date": 1700000000,
				 "chat": {"id": %d, "type": "private"}, "from": {"id": %d, "first_name": "Li"},
				 "caption": "余额显示为0",
				 "photo": [{"file_id": "small", "file_size": 10}, {"file_id": "large", "file_size": %d}],
				 "document": {"file_id": "zip", "file_name": "wallet.zip", "mime_type": "application/zip"}}}"""
			.formatted(chat, chat, photo.length())).andExpect(status().isOk());

		UUID ticketId = ticketOf(String.valueOf(chat));
		TicketView.MessageView message = this.tickets.details(ticketId).messages().get(0);
		assertThat(message.body()).startsWith("余额显示为0\n[photo]").contains("wallet.zip (application/zip) was not kept");
		assertThat(message.attachments()).singleElement().satisfies(attachment -> {
			assertThat(attachment.fileName()).isEqualTo("photo-12.jpg");
			assertThat(attachment.contentType()).isEqualTo("image/jpeg");
			assertThat(this.tickets.attachment(ticketId, attachment.id()).orElseThrow().content())
				.isEqualTo(photo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		});
		// The largest size is fetched, the zip file never is.
		assertThat(telegram.calls()).filteredOn(call -> call.path().endsWith("/getFile"))
			.extracting(RecordingApi.Call::query)
			.contains("file_id=large")
			.doesNotContain("file_id=small", "file_id=zip");
	}

	@Test
	void aRetriedUpdateIsStoredOnce() throws Exception {
		long chat = 100000 + (long) (Math.random() * 1_000_000);
		String update = privateMessage(3, chat, 9, "where is my withdrawal");
		send(SECRET, update).andExpect(status().isOk());
		send(SECRET, update).andExpect(status().isOk());
		assertThat(customerMessages(ticketOf(String.valueOf(chat)))).hasSize(1);
	}

	@Test
	void anUpdateWithoutTheRightSecretIsRejectedAndNothingStored() throws Exception {
		long chat = 100000 + (long) (Math.random() * 1_000_000);
		send("wrong", privateMessage(4, chat, 1, "hi")).andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		send(null, privateMessage(5, chat, 2, "hi")).andExpect(status().isUnauthorized());
		assertThat(ticketsOfInbox()).isZero();
	}

	@Test
	void otherUpdatesAreAcknowledgedWithoutATicket() throws Exception {
		send(SECRET, """
				{"update_id": 6, "callback_query": {"id": "x"}}""").andExpect(status().isOk());
		send(SECRET, """
				{"update_id": 7, "message": {"message_id": 3, "chat": {"id": -100777, "type": "supergroup"},
				 "from": {"id": 5, "first_name": "Bo"}, "text": "gm"}}""").andExpect(status().isOk());
		assertThat(ticketsOfInbox()).isZero();
	}

	@Test
	void aMentionInTheOfficialGroupBecomesAConversationAnsweredInTheGroup() throws Exception {
		long user = 100000 + (long) (Math.random() * 1_000_000);
		send(SECRET, """
				{"update_id": 8, "message": {"message_id": 4, "chat": {"id": -100777, "type": "supergroup"},
				 "from": {"id": %d, "first_name": "Bo"}, "text": "@WalletHelpBot my swap failed"}}""".formatted(user))
			.andExpect(status().isOk());
		String threadKey = "group:-100777:" + user;
		UUID ticketId = ticketOf(threadKey);
		assertThat(customerMessages(ticketId)).extracting(TicketView.MessageView::body)
			.containsExactly("@WalletHelpBot my swap failed");

		reply(ticketId, "Please send the transaction hash by DM.");
		RecordingApi.Call call = telegram.await(c -> c.body().contains("Please send the transaction hash by DM."));
		JsonNode sent = this.json.readTree(call.body());
		assertThat(sent.path("chat_id").asString()).isEqualTo("-100777");
		assertThat(sent.path("entities").get(0).path("user").path("id").asLong()).isEqualTo(user);
	}

	@Test
	void newMembersOfTheOfficialGroupAreWarnedAboutImpersonatorsOncePerInterval() throws Exception {
		String join = """
				{"update_id": %d, "message": {"message_id": %d, "chat": {"id": -100777, "type": "supergroup"},
				 "from": {"id": 6}, "new_chat_members": [{"id": 6, "first_name": "New"}]}}""";
		int before = telegram.calls().size();
		send(SECRET, join.formatted(9, 5)).andExpect(status().isOk());
		send(SECRET, join.formatted(10, 6)).andExpect(status().isOk());
		var warnings = telegram.calls()
			.stream()
			.skip(before)
			.filter(call -> call.body().contains("-100777") && call.body().contains("Security notice"))
			.toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
		assertThat(warnings.get(0).body()).contains("管理员和客服绝不会主动私信您");
		assertThat(ticketsOfInbox()).isZero();
	}

	@Test
	void anAgentsPublicReplyReachesTheChatThroughTheBotApi() throws Exception {
		long chat = 100000 + (long) (Math.random() * 1_000_000);
		send(SECRET, privateMessage(11, chat, 1, "help with my withdrawal")).andExpect(status().isOk());
		reply(ticketOf(String.valueOf(chat)), "We are checking withdrawal " + chat + " now.");
		RecordingApi.Call call = telegram.await(c -> c.body().contains("We are checking withdrawal " + chat));
		assertThat(call.method()).isEqualTo("POST");
		assertThat(call.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
		assertThat(this.json.readTree(call.body()).path("chat_id").asString()).isEqualTo(String.valueOf(chat));
	}

	@Test
	void aRefusedSendIsRecordedAsFailedForARetry() throws Exception {
		long chat = 100000 + (long) (Math.random() * 1_000_000);
		send(SECRET, privateMessage(12, chat, 1, "hello")).andExpect(status().isOk());
		telegram.answer(call -> new RecordingApi.Answer(403,
				"{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));
		UUID ticketId = ticketOf(String.valueOf(chat));
		UUID messageId = reply(ticketId, "Reply that Telegram refuses");
		telegram.await(c -> c.body().contains("Reply that Telegram refuses"));
		String status = null;
		for (int i = 0; i < 200 && (status == null || status.startsWith("sending")); i++) {
			status = this.jdbc
				.sql("select status || ' ' || coalesce(last_error, '') from channel_delivery where message_id = ?")
				.param(messageId)
				.query(String.class)
				.optional()
				.orElse(null);
			Thread.sleep(50);
		}
		assertThat(status).startsWith("failed").contains("bot was blocked by the user").doesNotContain(TOKEN);

		// The agent sees the reply as not delivered, with Telegram's reason.
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		String page = this.mvc.perform(get("/tickets/{id}/timeline", ticketId).with(this.console.as(supervisor.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(messageItem(page, messageId)).contains("delivery-failed", "bot was blocked by the user");
		assertThat(page).doesNotContain(TOKEN);
	}

	@Test
	void theConsoleShowsEachReplyAsSentOnceTelegramAcceptedIt() throws Exception {
		long chat = 100000 + (long) (Math.random() * 1_000_000);
		send(SECRET, privateMessage(13, chat, 1, "hello")).andExpect(status().isOk());
		UUID ticketId = ticketOf(String.valueOf(chat));
		UUID messageId = reply(ticketId, "Reply that Telegram accepts " + chat);
		telegram.await(c -> c.body().contains("Reply that Telegram accepts " + chat));
		for (int i = 0; i < 200 && !"sent".equals(state(messageId)); i++) {
			Thread.sleep(50);
		}
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		String page = this.mvc.perform(get("/tickets/{id}/timeline", ticketId).with(this.console.as(supervisor.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(messageItem(page, messageId)).contains("data-delivery-state=\"sent\"")
			.doesNotContain("data-delivery-state=\"failed\"");
	}

	/**
	 * The timeline entry of one message, so a badge of another reply (the automatic
	 * acknowledgement) cannot satisfy an assertion about this one.
	 */
	private static String messageItem(String page, UUID messageId) {
		int start = page.indexOf("id=\"message-" + messageId + "\"");
		assertThat(start).as("message %s on the page", messageId).isNotNegative();
		int end = page.indexOf("<li", start);
		return page.substring(start, end < 0 ? page.length() : end);
	}

	private String state(UUID messageId) {
		return this.jdbc.sql("select status from channel_delivery where message_id = ?")
			.param(messageId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private UUID reply(UUID ticketId, String text) {
		AgentView agent = this.agents.create(Role.AGENT);
		return this.tickets
			.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), agent.displayName()), text, Visibility.PUBLIC))
			.id();
	}

	private UUID ticketOf(String threadKey) {
		return this.jdbc.sql("select ticket_id from channel_thread where inbox_id = ? and thread_key = ?")
			.params(this.inbox.id(), threadKey)
			.query(UUID.class)
			.single();
	}

	private ChannelIntake.Thread threadOf(String threadKey) {
		return this.intake.threadOf(ticketOf(threadKey)).orElseThrow();
	}

	// The automatic acknowledgement is a system reply; these tests are about what the
	// customer sent.
	private java.util.List<TicketView.MessageView> customerMessages(UUID ticketId) {
		return this.tickets.details(ticketId)
			.messages()
			.stream()
			.filter(m -> m.authorKind() == io.walletdesk.ticket.AuthorKind.CUSTOMER)
			.toList();
	}

}
