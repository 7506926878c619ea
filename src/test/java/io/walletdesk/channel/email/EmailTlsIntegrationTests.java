package io.walletdesk.channel.email;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.Visibility;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail channel over IMAPS and SMTPS against GreenMail with a certificate of its
 * own, trusted through {@code walletdesk.channel.email.trust-store}: mail is fetched and
 * answered over TLS, and a server whose certificate does not name the host it was reached
 * by is refused.
 */
@WalletDeskIntegrationTest
class EmailTlsIntegrationTests {

	static final String SUPPORT = "support@walletdesk.test";

	static final String PASSWORD_ENV = "WALLETDESK_MAIL_TLS_TEST_PASSWORD";

	static Path certificates;

	static GreenMail greenMail;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	MailboxPoller poller;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TestAgents agents;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startMailServerWithItsOwnCertificate() throws Exception {
		certificates = Files.createTempDirectory("walletdesk-mail-tls");
		// A server certificate for 127.0.0.1 only, and a trust store holding just that
		// certificate, made with the JDK's keytool.
		keytool("-genkeypair", "-alias", "mail", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", server().toString(), "-storetype", "PKCS12",
				"-storepass", "server-pass", "-keypass", "server-pass");
		keytool("-exportcert", "-alias", "mail", "-keystore", server().toString(), "-storepass", "server-pass", "-file",
				certificates.resolve("mail.cer").toString());
		keytool("-importcert", "-noprompt", "-alias", "mail", "-file", certificates.resolve("mail.cer").toString(),
				"-keystore", trust().toString(), "-storetype", "PKCS12", "-storepass", "trust-pass");
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, server().toString());
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, "server-pass");
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, "server-pass");
		System.setProperty(PASSWORD_ENV, "secret");
		greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTPS_IMAPS));
		greenMail.start();
		greenMail.setUser(SUPPORT, "support", "secret");
	}

	@AfterAll
	static void stopMailServer() throws IOException {
		greenMail.stop();
		System.clearProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY);
		System.clearProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY);
		System.clearProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY);
		try (var files = Files.list(certificates)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(certificates);
	}

	@DynamicPropertySource
	static void trustStore(DynamicPropertyRegistry registry) {
		registry.add("walletdesk.channel.email.trust-store", () -> trust().toString());
		registry.add("walletdesk.channel.email.trust-store-password", () -> "trust-pass");
	}

	@Test
	void mailIsFetchedOverImapsAndAnsweredOverSmtps() throws Exception {
		UUID inboxId = inbox("127.0.0.1");
		try {
			String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
			MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
			mail.setFrom(new InternetAddress(alice));
			mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
			mail.setSubject("Deposit not credited", "UTF-8");
			mail.setText("充值 200 USDT 还没有到账, deposit sent two hours ago.", "UTF-8");
			mail.saveChanges();
			GreenMailUser support = greenMail.getUserManager().getUser("support");
			support.deliver(mail);

			assertThat(this.poller.poll(inboxId)).containsEntry(EmailIngest.Outcome.NEW_TICKET, 1);
			assertThat(this.poller.status().get(inboxId).error()).isNull();
			UUID ticketId = this.jdbc.sql("select ticket_id from channel_thread where inbox_id = ?")
				.param(inboxId)
				.query(UUID.class)
				.single();
			assertThat(this.tickets.details(ticketId).messages().get(0).body()).contains("还没有到账");

			AgentView agent = this.agents.create(Role.AGENT);
			this.tickets.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), agent.displayName()),
					"We can see the deposit and are crediting it now.", Visibility.PUBLIC));
			assertThat(awaitMailTo(alice, "crediting it now")).isTrue();
		}
		finally {
			this.inboxes.enable(inboxId, false);
		}
	}

	@Test
	void aServerWhoseCertificateDoesNotNameTheHostIsRefused() {
		// The certificate names 127.0.0.1, not localhost: a man in the middle holding a
		// trusted certificate for another name must not be accepted.
		UUID inboxId = inbox("localhost");
		try {
			assertThat(this.poller.poll(inboxId)).isEmpty();
			assertThat(this.poller.status().get(inboxId).error()).isNotNull().contains("No name matching localhost");
		}
		finally {
			this.inboxes.enable(inboxId, false);
		}
	}

	private static boolean awaitMailTo(String recipient, String text) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				var to = message.getRecipients(Message.RecipientType.TO);
				if (to != null && to[0].toString().equals(recipient)
						&& String.valueOf(message.getContent()).contains(text)) {
					return true;
				}
			}
			Thread.sleep(100);
		}
		return false;
	}

	private UUID inbox(String host) {
		return this.inboxes
			.create("email", "TLS support " + UUID.randomUUID(),
					Map.of("host", host, "port", String.valueOf(greenMail.getImaps().getPort()), "username", "support",
							"passwordEnv", PASSWORD_ENV, "ssl", "true", "smtpHost", host, "smtpPort",
							String.valueOf(greenMail.getSmtps().getPort()), "smtpSsl", "true", "from", SUPPORT),
					null)
			.id();
	}

	private static Path server() {
		return certificates.resolve("server.p12");
	}

	private static Path trust() {
		return certificates.resolve("trust.p12");
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

}
