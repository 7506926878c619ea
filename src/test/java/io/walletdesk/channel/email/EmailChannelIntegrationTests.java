package io.walletdesk.channel.email;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The e-mail channel against GreenMail over real SMTP and IMAP: customers' mail comes in
 * by SMTP and is polled over IMAP; replies go out by SMTP.
 */
@WalletDeskIntegrationTest
class EmailChannelIntegrationTests {

	static final String SUPPORT = "support@walletdesk.test";

	static final String PASSWORD_ENV = "WALLETDESK_MAIL_TEST_PASSWORD";

	static GreenMail greenMail;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	MailboxPoller poller;

	@Autowired
	TicketManagement tickets;

	@Autowired
	CustomerManagement customers;

	@Autowired
	TestAgents agents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	UUID inboxId;

	@BeforeAll
	static void startMailServer() {
		// Environment reads system properties live, like the environment variable in
		// production.
		System.setProperty(PASSWORD_ENV, "secret");
		greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
		greenMail.start();
		greenMail.setUser(SUPPORT, "support", "secret");
	}

	@AfterAll
	static void stopMailServer() {
		greenMail.stop();
	}

	@BeforeEach
	void inbox() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		String host = greenMail.getImap().getServerSetup().getBindAddress();
		this.inboxId = this.inboxes
			.create("email", "Support " + UUID.randomUUID(),
					withoutAcknowledgement(Map.of("host", host, "port", String.valueOf(greenMail.getImap().getPort()),
							"username", "support", "passwordEnv", PASSWORD_ENV, "ssl", "false", "folder", "INBOX",
							"smtpHost", host, "smtpPort", String.valueOf(greenMail.getSmtp().getPort()), "from",
							SUPPORT, "maxMessageBytes", "200000")),
					null)
			.id();
	}

	// These tests follow the mails a test sends; the automatic acknowledgement of a new
	// ticket is covered by AcknowledgementIntegrationTests.
	private static Map<String, String> withoutAcknowledgement(Map<String, String> settings) {
		Map<String, String> all = new java.util.HashMap<>(settings);
		all.put("acknowledge", "false");
		return all;
	}

	@AfterEach
	void disableInbox() {
		this.inboxes.enable(this.inboxId, false);
	}

	@Test
	void aNewMailOpensATicketForItsSenderWithoutTheQuotedHistory() throws Exception {
		String alice = address("alice");
		MimeMessage mail = mail(alice, "Withdrawal stuck", """
				Hi,
				my withdrawal of 0.5 ETH has been pending for two days.

				--\u0020
				Alice, sent from my phone

				On Mon, 23 Nov 2026 at 10:00, Support <support@walletdesk.test> wrote:
				> Old conversation
				""");
		send(mail);

		assertThat(poll()).containsEntry(EmailIngest.Outcome.NEW_TICKET, 1);

		TicketView ticket = this.tickets.get(ticketOf(mail));
		assertThat(ticket.subject()).isEqualTo("Withdrawal stuck");
		assertThat(this.customers.get(ticket.requesterId()).email()).isEqualTo(alice);
		TicketView.MessageView first = this.tickets.details(ticket.id()).messages().get(0);
		assertThat(first.body()).isEqualTo("Hi,\nmy withdrawal of 0.5 ETH has been pending for two days.");
		assertThat(first.linkWarnings()).isEmpty();
		assertThat(this.tickets.details(ticket.id()).messages()).hasSize(1);
		this.mvc
			.perform(get("/api/v1/channels/email/originals/" + first.id()).header("Authorization",
					this.agents.token(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "message/rfc822"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("> Old conversation")));
	}

	@Test
	void anAgentsReplyGoesOutInTheThreadAndTheCustomersAnswerContinuesTheTicket() throws Exception {
		String alice = address("alice");
		MimeMessage first = mail(alice, "Deposit missing", "My USDT deposit has not arrived.");
		send(first);
		poll();
		UUID ticketId = ticketOf(first);
		TicketView ticket = this.tickets.get(ticketId);

		AgentView agent = this.agents.create(Role.AGENT);
		this.tickets.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), agent.displayName()),
				"We are checking the deposit now.", Visibility.PUBLIC));

		MimeMessage reply = awaitMailTo(alice);
		assertThat(reply.getSubject()).isEqualTo("[" + ticket.number() + "] Deposit missing");
		assertThat(reply.getHeader("In-Reply-To", ",")).isEqualTo(first.getMessageID());
		assertThat(reply.getHeader("References", " ")).contains(first.getMessageID());
		assertThat(reply.getHeader("Auto-Submitted")).isNull();
		assertThat(reply.getFrom()[0].toString()).isEqualTo(SUPPORT);
		assertThat(String.valueOf(reply.getContent())).contains("We are checking the deposit now.");

		MimeMessage answer = mail(alice, "Re: " + reply.getSubject(), "Thanks, here is the hash 0xabc.");
		answer.setHeader("In-Reply-To", reply.getMessageID());
		answer.setHeader("References", first.getMessageID() + " " + reply.getMessageID());
		send(answer);

		assertThat(poll()).containsEntry(EmailIngest.Outcome.CONTINUED, 1);
		assertThat(ticketOf(answer)).isEqualTo(ticketId);
		assertThat(this.tickets.details(ticketId).messages())
			.filteredOn(message -> message.authorKind() == AuthorKind.CUSTOMER)
			.hasSize(2);
	}

	@Test
	void aMailWithARecoveryPhraseIsStoredRedactedWithoutItsOriginalAndAnsweredAutomatically() throws Exception {
		String alice = address("alice");
		String phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
		MimeMessage mail = mail(alice, "Restore help", "My words are " + phrase + " please help.");
		send(mail);
		poll();
		UUID ticketId = ticketOf(mail);
		TicketView.MessageView stored = this.tickets.details(ticketId).messages().get(0);
		assertThat(stored.body()).doesNotContain(phrase);
		this.mvc.perform(get("/api/v1/channels/email/originals/" + stored.id()).header("Authorization",
				this.agents.token(Role.ADMIN)))
			.andExpect(status().isNotFound());

		MimeMessage guidance = awaitMailTo(alice);
		assertThat(guidance.getHeader("Auto-Submitted", ",")).isEqualTo("auto-replied");
		assertThat(guidance.getHeader("In-Reply-To", ",")).isEqualTo(mail.getMessageID());
	}

	@Test
	void aStrangerQuotingATicketNumberGetsATicketOfTheirOwnButACopiedColleagueContinuesIt() throws Exception {
		String alice = address("alice");
		String colleague = address("colleague");
		MimeMessage first = mail(alice, "Account locked", "I cannot sign in.");
		first.setRecipients(Message.RecipientType.CC, colleague);
		send(first);
		poll();
		UUID ticketId = ticketOf(first);
		String number = this.tickets.get(ticketId).number();

		MimeMessage stranger = mail(address("mallory"), "Re: [" + number + "] Account locked",
				"Please send me the details of this account.");
		send(stranger);
		MimeMessage fromColleague = mail(colleague, "Re: [" + number + "] Account locked",
				"I can confirm Alice is the owner.");
		send(fromColleague);
		poll();

		assertThat(ticketOf(stranger)).isNotEqualTo(ticketId);
		assertThat(this.tickets.get(ticketOf(stranger)).requesterId())
			.isNotEqualTo(this.tickets.get(ticketId).requesterId());
		assertThat(ticketOf(fromColleague)).isEqualTo(ticketId);

		// The colleague stays in copy of the agent's reply; the stranger and the support
		// mailbox itself do not.
		AgentView agent = this.agents.create(Role.AGENT);
		this.tickets.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), agent.displayName()),
				"Thanks, the account is unlocked.", Visibility.PUBLIC));
		MimeMessage reply = awaitMailTo(alice, "the account is unlocked");
		assertThat(reply.getHeader("Cc", ",")).isEqualTo(colleague);
	}

	@Test
	void aMailDeliveredTwiceIsStoredOnce() throws Exception {
		String alice = address("alice");
		MimeMessage mail = mail(alice, "Twice", "Sent twice by a flaky relay.");
		send(mail);
		send(mail);

		Map<EmailIngest.Outcome, Integer> outcomes = poll();

		assertThat(outcomes).containsEntry(EmailIngest.Outcome.NEW_TICKET, 1)
			.containsEntry(EmailIngest.Outcome.DUPLICATE, 1);
		assertThat(this.tickets.details(ticketOf(mail)).messages()).hasSize(1);
		assertThat(poll()).isEmpty();
	}

	@Test
	void autoRepliesBouncesAndListMailAreNeverAnswered() throws Exception {
		MimeMessage autoReply = mail(address("away"), "Out of office", "I am away until Monday.");
		autoReply.setHeader("Auto-Submitted", "auto-replied");
		MimeMessage bounce = mail("MAILER-DAEMON@" + "relay.customer.test", "Undelivered Mail Returned to Sender",
				"This is the mail system at host relay.");
		MimeMessage list = mail(address("list"), "Weekly digest", "News of the week.");
		list.setHeader("List-Id", "<news.customer.test>");
		send(autoReply);
		send(bounce);
		send(list);

		assertThat(pollUntil(3)).containsEntry(EmailIngest.Outcome.AUTOMATIC, 3).hasSize(1);

		for (MimeMessage mail : List.of(autoReply, bounce, list)) {
			assertThat(this.jdbc.sql("select count(*) from channel_email_message where message_id = ?")
				.param(mail.getMessageID())
				.query(Integer.class)
				.single()).isZero();
			assertThat(
					this.jdbc.sql("select reason from channel_email_quarantine where inbox_id = ? and message_id = ?")
						.params(this.inboxId, mail.getMessageID())
						.query(String.class)
						.single())
				.isEqualTo("automatic");
		}
		Thread.sleep(500);
		assertThat(sentBySupport()).isEmpty();
	}

	@Test
	void aMalformedOrOversizedMailIsQuarantinedAndTheNextMailIsStillProcessed() throws Exception {
		Session session = Session.getInstance(new Properties());
		String brokenId = "<broken." + UUID.randomUUID() + "@customer.test>";
		MimeMessage broken = new MimeMessage(session, new ByteArrayInputStream(("""
				From: %s\r
				To: %s\r
				Subject: Broken\r
				Message-ID: %s\r
				MIME-Version: 1.0\r
				Content-Type: multipart/mixed; boundary="never-used"\r
				\r
				There is no boundary in this body.\r
				""".formatted(address("broken"), SUPPORT, brokenId)).getBytes(StandardCharsets.US_ASCII)));
		sendAsIs(broken);
		MimeMessage huge = mail(address("huge"), "Huge", "See the attachment.");
		MimeMultipart parts = new MimeMultipart();
		MimeBodyPart text = new MimeBodyPart();
		text.setText("See the attachment.");
		MimeBodyPart attachment = new MimeBodyPart();
		attachment.setText("x".repeat(300_000));
		attachment.setFileName("big.txt");
		parts.addBodyPart(text);
		parts.addBodyPart(attachment);
		huge.setContent(parts);
		send(huge);
		MimeMessage good = mail(address("alice"), "After the broken one", "This one is fine.");
		send(good);

		Map<EmailIngest.Outcome, Integer> outcomes = poll();

		assertThat(outcomes).containsEntry(EmailIngest.Outcome.QUARANTINED, 2)
			.containsEntry(EmailIngest.Outcome.NEW_TICKET, 1);
		assertThat(this.tickets.get(ticketOf(good)).subject()).isEqualTo("After the broken one");
		assertThat(poll()).isEmpty();
		this.mvc
			.perform(get("/api/v1/admin/channels/email/quarantine").header("Authorization",
					this.agents.token(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].messageId", hasItem(brokenId)))
			.andExpect(jsonPath("$.items[*].reason", hasItem("too_large")))
			.andExpect(jsonPath("$.items[?(@.messageId == '" + brokenId + "')].error",
					hasItem(org.hamcrest.Matchers.containsString("boundary"))));
		this.mvc
			.perform(get("/api/v1/admin/channels/email/quarantine").header("Authorization",
					this.agents.token(Role.AGENT)))
			.andExpect(status().isForbidden());
	}

	private Map<EmailIngest.Outcome, Integer> poll() {
		return this.poller.poll(this.inboxId);
	}

	/**
	 * Polls until the mailbox gave this many mails: the mail server may still be storing
	 * the last of several sent in a row when the first poll runs.
	 */
	private Map<EmailIngest.Outcome, Integer> pollUntil(int mails) throws InterruptedException {
		Map<EmailIngest.Outcome, Integer> outcomes = new java.util.EnumMap<>(EmailIngest.Outcome.class);
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		while (outcomes.values().stream().mapToInt(Integer::intValue).sum() < mails && System.nanoTime() < deadline) {
			poll().forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
			Thread.sleep(50);
		}
		return outcomes;
	}

	private UUID ticketOf(MimeMessage mail) throws Exception {
		return this.jdbc.sql("select ticket_id from channel_email_message where inbox_id = ? and message_id = ?")
			.params(this.inboxId, mail.getMessageID())
			.query(UUID.class)
			.single();
	}

	private static String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
	}

	private static MimeMessage mail(String from, String subject, String text) throws Exception {
		String messageId = "<" + UUID.randomUUID() + "@customer.test>";
		// Keeps its Message-ID however often it is saved and sent, like a real client's
		// mail.
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties())) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		mail.setFrom(new InternetAddress(from));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
		mail.setSubject(subject, "UTF-8");
		mail.setText(text, "UTF-8");
		mail.saveChanges();
		return mail;
	}

	private static void send(MimeMessage mail) throws Exception {
		mail.saveChanges();
		String id = mail.getMessageID();
		sendAsIs(mail);
		assertThat(mail.getMessageID()).isEqualTo(id);
	}

	/**
	 * Sends by SMTP without letting Jakarta Mail rewrite the mail (or its Message-ID).
	 */
	private static void sendAsIs(MimeMessage mail) throws Exception {
		String messageId = mail.getHeader("Message-ID", null);
		int before = greenMail.getReceivedMessages().length;
		Properties properties = new Properties();
		properties.put("mail.smtp.host", greenMail.getSmtp().getServerSetup().getBindAddress());
		properties.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
		try (Transport transport = Session.getInstance(properties).getTransport("smtp")) {
			transport.connect();
			if (messageId != null) {
				mail.setHeader("Message-ID", messageId);
			}
			transport.sendMessage(mail, new InternetAddress[] { new InternetAddress(SUPPORT) });
		}
		greenMail.waitForIncomingEmail(5000, before + 1);
	}

	private List<MimeMessage> sentBySupport() {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
			try {
				return message.getFrom() != null && message.getFrom()[0].toString().equals(SUPPORT);
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	private static MimeMessage awaitMailTo(String recipient, String text) throws Exception {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				Object[] to = message.getRecipients(Message.RecipientType.TO);
				if (to != null && to.length > 0 && to[0].toString().equals(recipient)
						&& String.valueOf(message.getContent()).contains(text)) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No mail to " + recipient + " with '" + text + "' within 10 s");
	}

	private static MimeMessage awaitMailTo(String recipient) throws Exception {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				Object[] to = message.getRecipients(Message.RecipientType.TO);
				if (to != null && to.length > 0 && to[0].toString().equals(recipient)) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No mail to " + recipient + " within 10 s");
	}

}
