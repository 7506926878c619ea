package io.walletdesk.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.ChannelCheck;
import io.walletdesk.channel.spi.ChannelSetting;
import io.walletdesk.channel.spi.DeliveryException;
import io.walletdesk.channel.spi.Outbound;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.TicketManagement;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sends public replies by SMTP to the thread's customer, in the thread:
 * {@code In-Reply-To} the customer's last mail, {@code References} from the thread's
 * first mail, and the ticket number in the subject. Replies the system or bot wrote carry
 * {@code Auto-Submitted: auto-replied}, so well-behaved autoresponders do not answer
 * them. The Message-ID is derived from WalletDesk's message id, so a retried delivery
 * sends the same Message-ID and the customer's client shows one mail.
 */
@Component
class EmailAdapter implements ChannelAdapter {

	static final String KIND = "email";

	private static final int MAX_REFERENCES = 10;

	private final EmailThreads threads;

	private final TicketManagement tickets;

	private final EmailSettings settings;

	private final Environment environment;

	private final EmailQuarantine quarantine;

	// The poller needs the inbox management that needs the adapters: looked up lazily.
	private final ObjectProvider<MailboxPoller> poller;

	EmailAdapter(EmailThreads threads, TicketManagement tickets, EmailSettings settings, Environment environment,
			EmailQuarantine quarantine, ObjectProvider<MailboxPoller> poller) {
		this.quarantine = quarantine;
		this.poller = poller;
		this.threads = threads;
		this.tickets = tickets;
		this.settings = settings;
		this.environment = environment;
	}

	@Override
	public String id() {
		return KIND;
	}

	@Override
	public Optional<List<ChannelSetting>> settings() {
		return Optional.of(List.of(ChannelSetting.text("host", true, "IMAP server the support mailbox is read from."),
				ChannelSetting.number("port", false, "IMAP port (default 993 with ssl, else 143)."),
				ChannelSetting.flag("ssl", "IMAP over TLS (imaps); also the default for smtpSsl."),
				ChannelSetting.text("username", true, "Mailbox user for IMAP and SMTP."),
				ChannelSetting.secretEnv("passwordEnv", true, "Environment variable holding the mailbox password."),
				ChannelSetting.text("folder", false, "Folder to poll (default INBOX)."),
				ChannelSetting.text("smtpHost", false, "SMTP server for replies (default: the IMAP host)."),
				ChannelSetting.number("smtpPort", false, "SMTP port (default 465 with smtpSsl, else 587)."),
				ChannelSetting.flag("smtpSsl", "SMTP over TLS (smtps)."),
				ChannelSetting.flag("smtpStartTls", "Require STARTTLS on the SMTP connection."),
				ChannelSetting.text("from", false, "From address of replies (default: the username)."),
				ChannelSetting.number("maxMessageBytes", false,
						"Largest mail accepted from this mailbox, at most the global limit.")));
	}

	/**
	 * The mailbox's last poll (an error there is a failing check; a refused login is
	 * expired credentials) and how many of its mails were quarantined. Reads only what
	 * the poller recorded; it does not connect.
	 */
	@Override
	public ChannelCheck health(InboxView inbox) {
		MailboxPoller.PollStatus poll = this.poller.getObject().status().get(inbox.id());
		ChannelCheck check;
		if (poll == null || poll.error() == null) {
			check = ChannelCheck.ok();
		}
		else if (poll.error().contains("AuthenticationFailedException")) {
			check = ChannelCheck.expiredCredentials("The mail server refused the login: " + poll.error());
		}
		else {
			check = ChannelCheck.failing("Last poll failed: " + poll.error());
		}
		java.time.Instant since = this.poller.getObject().running().get(inbox.id());
		java.time.Duration limit = this.settings.pollInterval().multipliedBy(2).plus(this.settings.timeout());
		if (since != null && since.plus(limit).isBefore(java.time.Instant.now())) {
			check = ChannelCheck.failing("A poll has been running since " + since + ": the mail server hangs");
		}
		return check.withFigure("quarantined", this.quarantine.errorCount(inbox.id()))
			.withFigure("automaticIgnored", this.quarantine.automaticCount(inbox.id()));
	}

	@Override
	public String deliver(Outbound outbound) throws DeliveryException {
		Mailbox mailbox = Mailbox.of(outbound.settings());
		if (mailbox.smtpHost() == null || mailbox.from() == null) {
			throw new DeliveryException("E-mail inbox " + outbound.inboxId() + " has no smtpHost or from address");
		}
		String messageId = "<wd." + outbound.messageId() + "@" + domain(mailbox.from()) + ">";
		List<EmailThreads.Entry> thread = this.threads.ofTicket(outbound.ticketId());
		String root = outbound.threadKey();
		String inReplyTo = thread.stream()
			.filter(entry -> entry.direction().equals("in"))
			.reduce((first, second) -> second)
			.map(EmailThreads.Entry::messageId)
			.orElse(root);
		Set<String> references = new LinkedHashSet<>();
		references.add(root);
		List<String> recent = new ArrayList<>(thread.stream().map(EmailThreads.Entry::messageId).toList());
		recent.subList(0, Math.max(0, recent.size() - MAX_REFERENCES)).clear();
		references.addAll(recent);
		references.remove(messageId);
		boolean automatic = this.tickets.message(outbound.messageId())
			.map(message -> message.authorKind() != AuthorKind.AGENT)
			.orElse(false);
		Session session = mailbox.session(this.settings);
		try {
			MimeMessage mail = new MimeMessage(session) {
				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}
			};
			mail.setFrom(new InternetAddress(mailbox.from()));
			mail.setRecipient(Message.RecipientType.TO, new InternetAddress(outbound.recipient()));
			if (!automatic) {
				List<String> copies = copies(outbound, mailbox);
				if (!copies.isEmpty()) {
					mail.setRecipients(Message.RecipientType.CC, InternetAddress.parse(String.join(",", copies)));
				}
			}
			mail.setSubject(subject(outbound.ticketNumber(), outbound.subject()), StandardCharsets.UTF_8.name());
			if (inReplyTo != null) {
				mail.setHeader("In-Reply-To", inReplyTo);
			}
			if (root != null) {
				mail.setHeader("References", String.join(" ", references));
			}
			if (automatic) {
				mail.setHeader("Auto-Submitted", "auto-replied");
			}
			String text = outbound.text() == null ? "" : outbound.text();
			if (outbound.html() != null && !outbound.html().isBlank()) {
				MimeMultipart alternative = new MimeMultipart("alternative");
				MimeBodyPart plain = new MimeBodyPart();
				plain.setText(text, StandardCharsets.UTF_8.name());
				MimeBodyPart html = new MimeBodyPart();
				html.setText(outbound.html(), StandardCharsets.UTF_8.name(), "html");
				alternative.addBodyPart(plain);
				alternative.addBodyPart(html);
				mail.setContent(alternative);
			}
			else {
				mail.setText(text, StandardCharsets.UTF_8.name());
			}
			mail.saveChanges();
			try (Transport transport = session.getTransport(mailbox.smtpProtocol())) {
				String password = mailbox.password(this.environment);
				transport.connect(mailbox.smtpHost(), mailbox.smtpPort(), password == null ? null : mailbox.username(),
						password);
				transport.sendMessage(mail, mail.getAllRecipients());
			}
		}
		catch (MessagingException ex) {
			throw new DeliveryException("SMTP delivery to " + outbound.recipient() + " failed: " + ex.getMessage(), ex);
		}
		this.threads.record(outbound.inboxId(), messageId, "out", outbound.ticketId(), outbound.ticketNumber(), root);
		return messageId;
	}

	/**
	 * The people the customer had in To or Cc, who stay in copy of agents' replies as in
	 * any mail conversation. Addresses at the support mailbox's own domain are left out:
	 * another alias of the support desk in copy would feed the reply back into a mailbox.
	 */
	private List<String> copies(Outbound outbound, Mailbox mailbox) {
		String ownDomain = domain(mailbox.from()).toLowerCase(java.util.Locale.ROOT);
		String recipient = outbound.recipient().toLowerCase(java.util.Locale.ROOT);
		return this.threads.participants(outbound.ticketId())
			.stream()
			.filter(address -> !address.equals(recipient))
			.filter(address -> !address.endsWith("@" + ownDomain))
			.toList();
	}

	/** {@code [WD-000123] subject}, without stacking tags or "Re:" on every reply. */
	static String subject(String ticketNumber, String subject) {
		String tag = "[" + ticketNumber + "]";
		String rest = subject == null ? "" : subject.replace(tag, "").strip();
		return rest.isEmpty() ? tag : tag + " " + rest;
	}

	private static String domain(String address) {
		int at = address.lastIndexOf('@');
		String domain = at < 0 ? "walletdesk.invalid" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
		return domain.isEmpty() ? "walletdesk.invalid" : domain;
	}

}
