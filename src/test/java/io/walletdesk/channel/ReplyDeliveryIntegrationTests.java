package io.walletdesk.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Replies to Telegram through a local server playing the Bot API that refuses as often as
 * a test says: backoff, giving up, retry by hand, the console's delivery badges, and one
 * slow channel not holding up another.
 */
@WalletDeskIntegrationTest
class ReplyDeliveryIntegrationTests {

	static final String TOKEN = "777:delivery-token";

	static final String SLOW_TOKEN = "888:slow-token";

	static RecordingApi telegram;

	@Autowired
	ReplyDelivery delivery;

	@Autowired
	DeliverySettings settings;

	@Autowired
	ChannelIntake intake;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	InboxView inbox;

	final CountDownLatch releaseSlow = new CountDownLatch(1);

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
		RecordingApi.setProperty(this.environment, "WALLETDESK_TELEGRAM_TOKEN_DELIVERY", TOKEN);
		RecordingApi.setProperty(this.environment, "WALLETDESK_TELEGRAM_TOKEN_SLOW", SLOW_TOKEN);
		telegram.answer(call -> ok());
		this.inbox = telegramInbox("WALLETDESK_TELEGRAM_TOKEN_DELIVERY");
	}

	@AfterEach
	void release() {
		this.releaseSlow.countDown();
	}

	@Test
	void aRefusedReplyIsRetriedWithGrowingBackoffUntilTelegramTakesIt() throws Exception {
		UUID ticketId = ticket(this.inbox);
		String text = "Your withdrawal is confirmed " + UUID.randomUUID();
		AtomicInteger refusals = new AtomicInteger(2);
		telegram.answer(call -> call.body().contains(text) && refusals.getAndDecrement() > 0
				? new RecordingApi.Answer(502, "{\"ok\":false,\"description\":\"Bad Gateway\"}") : ok());

		Instant before = Instant.now();
		UUID replyId = reply(ticketId, text);
		Row first = awaitRow(replyId, "failed", 1);
		assertThat(first.lastError()).contains("Bad Gateway");
		assertBackoff(first.nextAttemptAt(), before, Duration.ofSeconds(30));

		makeDue(replyId);
		before = Instant.now();
		this.delivery.retryDue();
		Row second = awaitRow(replyId, "failed", 2);
		assertBackoff(second.nextAttemptAt(), before, Duration.ofSeconds(60));

		makeDue(replyId);
		this.delivery.retryDue();
		Row sent = awaitRow(replyId, "sent", 3);
		assertThat(sent.nextAttemptAt()).isNull();
		assertThat(sent.lastError()).isNull();
		assertThat(sendsOf(text)).isEqualTo(3);

		// Nothing is due any more: another round sends nothing.
		this.delivery.retryDue();
		Thread.sleep(300);
		assertThat(sendsOf(text)).isEqualTo(3);
	}

	@Test
	void backoffDoublesUpToItsCapWithBoundedJitter() {
		assertThat(this.settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.settings.backoff(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.settings.backoff(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.settings.backoff(7)).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.settings.backoff(40)).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.settings.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(24));
		assertThat(this.settings.backoff(1, 0.999999)).isBetween(Duration.ofMillis(35_999), Duration.ofSeconds(36));
	}

	@Test
	void aReplyIsGivenUpAfterTheLastAttemptAndAnAssigneeCanRetryItFromTheConsole() throws Exception {
		UUID ticketId = ticket(this.inbox);
		String text = "Please check the address " + UUID.randomUUID();
		telegram.answer(call -> call.body().contains(text)
				? new RecordingApi.Answer(403, "{\"ok\":false,\"description\":\"Forbidden: bot was blocked\"}") : ok());
		UUID replyId = reply(ticketId, text);
		awaitRow(replyId, "failed", 1);
		for (int attempt = 2; attempt <= this.settings.maxAttempts(); attempt++) {
			makeDue(replyId);
			this.delivery.retryDue();
			awaitRow(replyId, "failed", attempt);
		}
		Row gaveUp = row(replyId);
		assertThat(gaveUp.nextAttemptAt()).as("no further automatic attempt").isNull();
		assertThat(sendsOf(text)).isEqualTo(this.settings.maxAttempts());

		AgentView assignee = this.agents.create(Role.AGENT);
		AgentView bystander = this.agents.create(Role.AGENT);
		this.tickets.change(ticketId, new io.walletdesk.ticket.ChangeTicket(null, null, null,
				java.util.Optional.of(assignee.id()), null, null), Actor.system());
		String page = page(ticketId, assignee);
		assertThat(page).contains("data-delivery-state=\"failed\"")
			.contains("Forbidden: bot was blocked")
			.contains("Attempts: " + this.settings.maxAttempts())
			.contains("No further automatic attempts.")
			.contains("Retry now");
		assertThat(page(ticketId, bystander)).doesNotContain("Retry now");
		this.mvc
			.perform(post("/tickets/{t}/messages/{m}/retry-delivery", ticketId, replyId)
				.with(this.console.as(bystander.id()))
				.with(csrf()))
			.andExpect(status().isForbidden());

		telegram.answer(call -> ok());
		this.mvc
			.perform(post("/tickets/{t}/messages/{m}/retry-delivery", ticketId, replyId)
				.with(this.console.as(assignee.id()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		awaitRow(replyId, "sent", this.settings.maxAttempts() + 1);
		assertThat(page(ticketId, assignee)).contains("data-delivery-state=\"sent\"").doesNotContain("Retry now");
		assertThat(this.jdbc.sql("select count(*) from audit_entry where kind = 'delivery_retried' and ticket_id = ?")
			.param(ticketId)
			.query(Integer.class)
			.single()).isEqualTo(1);

		// Sent is final for a retry by hand.
		this.mvc
			.perform(post("/tickets/{t}/messages/{m}/retry-delivery", ticketId, replyId)
				.with(this.console.as(assignee.id()))
				.with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	void aSlowChannelDoesNotHoldUpTheRetriesOfAnother() throws Exception {
		InboxView slow = telegramInbox("WALLETDESK_TELEGRAM_TOKEN_SLOW");
		UUID slowTicket = ticket(slow);
		UUID fastTicket = ticket(this.inbox);
		String slowText = "slow " + UUID.randomUUID();
		String fastText = "fast " + UUID.randomUUID();
		AtomicInteger refusals = new AtomicInteger(2);
		telegram.answer(call -> {
			boolean ours = call.body().contains(slowText) || call.body().contains(fastText);
			if (ours && refusals.getAndDecrement() > 0) {
				return new RecordingApi.Answer(502, "{\"ok\":false,\"description\":\"Bad Gateway\"}");
			}
			if (call.body().contains(slowText)) {
				// The slow channel's server hangs until the test is over.
				await(this.releaseSlow);
			}
			return ok();
		});
		UUID slowReply = reply(slowTicket, slowText);
		UUID fastReply = reply(fastTicket, fastText);
		awaitRow(slowReply, "failed", 1);
		awaitRow(fastReply, "failed", 1);

		makeDue(slowReply);
		makeDue(fastReply);
		this.delivery.retryDue();
		awaitRow(fastReply, "sent", 2);
		assertThat(row(slowReply).state()).isEqualTo("sending");
	}

	@Test
	void theTicketPageShowsEachPublicRepliesDeliveryButNotForNotes() throws Exception {
		UUID ticketId = ticket(this.inbox);
		String text = "We have refunded the fee " + UUID.randomUUID();
		UUID replyId = reply(ticketId, text);
		awaitRow(replyId, "sent", 1);
		AgentView agent = this.agents.create(Role.AGENT);
		this.tickets.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), "A"), "note", Visibility.INTERNAL));
		String page = page(ticketId, agent);
		assertThat(item(page, replyId)).contains("data-delivery-state=\"sent\"").contains("Sent");
		assertThat(page.split("data-delivery-state=", -1).length - 1).as("the acknowledgement and the reply")
			.isEqualTo(2);

		this.mvc
			.perform(get("/api/v1/tickets/{id}", ticketId).header("Authorization", this.agents.token(Role.SUPERVISOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[0].authorKind").value("customer"))
			.andExpect(jsonPath("$.messages[0].delivery").doesNotExist())
			.andExpect(jsonPath("$.messages[?(@.id == '" + replyId + "')].body").value(text))
			.andExpect(jsonPath("$.messages[?(@.id == '" + replyId + "')].delivery.state").value("sent"))
			.andExpect(jsonPath("$.messages[?(@.id == '" + replyId + "')].delivery.attempts").value(1))
			.andExpect(jsonPath("$.messages[?(@.visibility == 'internal')].delivery").isEmpty());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private InboxView telegramInbox(String tokenEnv) {
		return this.inboxes.create("telegram", "Delivery bot " + UUID.randomUUID(),
				Map.of("botTokenEnv", tokenEnv, "secretTokenEnv", "UNUSED_SECRET_ENV", "acknowledge", "true"), null);
	}

	private UUID ticket(InboxView inbox) {
		String chat = String.valueOf(100000 + (long) (Math.random() * 1_000_000_000));
		IntakeResult result = this.intake
			.receive(new InboundMessage(inbox.id(), "m-" + UUID.randomUUID(), chat, null, IdentityKind.TELEGRAM, chat,
					"Sam", "en", null, "my withdrawal is stuck", null, List.of(), Instant.now()));
		return result.ticketId();
	}

	private UUID reply(UUID ticketId, String text) {
		AgentView agent = this.agents.create(Role.AGENT);
		return this.tickets
			.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), agent.displayName()), text, Visibility.PUBLIC))
			.id();
	}

	private String page(UUID ticketId, AgentView agent) throws Exception {
		return this.mvc.perform(get("/tickets/{id}", ticketId).with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String item(String page, UUID messageId) {
		int start = page.indexOf("id=\"message-" + messageId + "\"");
		assertThat(start).isPositive();
		int end = page.indexOf("</li>", page.indexOf("class=\"delivery", start));
		return page.substring(start, end);
	}

	private long sendsOf(String text) {
		return telegram.calls()
			.stream()
			.filter(call -> call.path().endsWith("/sendMessage") && call.body().contains(text))
			.count();
	}

	private void makeDue(UUID messageId) {
		this.jdbc.sql("update channel_delivery set next_attempt_at = now() - interval '1 second' where message_id = ?")
			.param(messageId)
			.update();
	}

	private static void assertBackoff(Instant next, Instant from, Duration base) {
		assertThat(next).isNotNull();
		Duration wait = Duration.between(from, next);
		assertThat(wait).isBetween(base.multipliedBy(8).dividedBy(10),
				base.multipliedBy(12).dividedBy(10).plusSeconds(5));
	}

	private Row awaitRow(UUID messageId, String state, int attempts) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		Row row = null;
		while (System.nanoTime() < deadline) {
			row = row(messageId);
			if (row != null && row.state().equals(state) && row.attempts() == attempts) {
				return row;
			}
			Thread.sleep(50);
		}
		throw new AssertionError(
				"Delivery of " + messageId + " is " + row + ", expected " + state + " after " + attempts + " attempts");
	}

	private Row row(UUID messageId) {
		return this.jdbc
			.sql("select status, attempts, last_error, next_attempt_at from channel_delivery where message_id = ?")
			.param(messageId)
			.query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.optional()
			.orElse(null);
	}

	private static RecordingApi.Answer ok() {
		return new RecordingApi.Answer(200, "{\"ok\":true,\"result\":{\"message_id\":1}}");
	}

	record Row(String state, int attempts, String lastError, Instant nextAttemptAt) {
	}

}
