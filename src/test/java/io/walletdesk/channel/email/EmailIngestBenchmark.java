package io.walletdesk.channel.email;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * E-mail ingestion throughput: fills a GreenMail mailbox with N mails (property
 * {@code walletdesk.bench.email.n}), then times one poll that ingests them all over IMAP
 * and prints mails per minute. Not part of the build: run {@code bench/email-ingest.sh}.
 */
@WalletDeskIntegrationTest
@EnabledIfSystemProperty(named = "walletdesk.bench.email.n", matches = "\\d+")
class EmailIngestBenchmark {

	@Autowired
	InboxManagement inboxes;

	@Autowired
	MailboxPoller poller;

	@Test
	void ingestsAFullMailbox() throws Exception {
		int n = Integer.parseInt(System.getProperty("walletdesk.bench.email.n"));
		System.setProperty("WALLETDESK_MAIL_BENCH_PASSWORD", "secret");
		GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
		greenMail.start();
		try {
			GreenMailUser support = greenMail.setUser("support@walletdesk.test", "support", "secret");
			String host = greenMail.getImap().getServerSetup().getBindAddress();
			UUID inboxId = this.inboxes.create("email", "Bench " + UUID.randomUUID(),
					Map.of("host", host, "port", String.valueOf(greenMail.getImap().getPort()), "username", "support",
							"passwordEnv", "WALLETDESK_MAIL_BENCH_PASSWORD", "smtpHost", host, "smtpPort",
							String.valueOf(greenMail.getSmtp().getPort()), "from", "support@walletdesk.test"),
					null)
				.id();
			Session session = Session.getInstance(new Properties());
			String run = UUID.randomUUID().toString().substring(0, 8);
			for (int i = 0; i < n; i++) {
				// One customer in five writes twice: the second mail replies to the
				// first.
				int customer = i % (n - n / 5 == 0 ? 1 : n - n / 5);
				String id = "<bench-" + run + "-" + i + "@customer.test>";
				MimeMessage mail = new MimeMessage(session) {
					@Override
					protected void updateMessageID() throws jakarta.mail.MessagingException {
						setHeader("Message-ID", id);
					}
				};
				mail.setFrom(new InternetAddress("customer-" + run + "-" + customer + "@customer.test"));
				mail.setRecipient(Message.RecipientType.TO, new InternetAddress("support@walletdesk.test"));
				mail.setSubject(
						i == customer ? "Withdrawal " + i + " pending" : "Re: Withdrawal " + customer + " pending",
						"UTF-8");
				if (i != customer) {
					mail.setHeader("In-Reply-To", "<bench-" + run + "-" + customer + "@customer.test>");
				}
				mail.setText("""
						Hello,

						my withdrawal of 120 USDT (TRC-20) to my exchange account has been pending since yesterday.
						The order number is %d. Could you please check what is going on?
						我的提现还没有到账，请帮忙查一下。

						Thanks,
						Customer %d
						--\u0020
						Sent from my phone

						On Mon, 23 Nov 2026 at 10:00, WalletDesk Support <support@walletdesk.test> wrote:
						> Thank you for contacting us. Please describe the problem.
						""".formatted(100000 + i, customer), "UTF-8");
				mail.saveChanges();
				support.deliver(mail);
			}
			long start = System.nanoTime();
			Map<EmailIngest.Outcome, Integer> outcomes = this.poller.poll(inboxId);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("EMAIL INGEST: %d mails in %.1f s = %.0f mails/min (%.1f ms per mail) %s%n", n, seconds,
					n / seconds * 60, seconds * 1000 / n, outcomes);
		}
		finally {
			greenMail.stop();
		}
	}

}
