package io.walletdesk.channel.email;

import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;

import org.springframework.core.env.Environment;

/**
 * An e-mail inbox's settings. The password is never stored: {@code passwordEnv} names the
 * environment variable that holds it.
 */
record Mailbox(String host, int port, boolean ssl, String username, String passwordEnv, String folder, String smtpHost,
		int smtpPort, boolean smtpSsl, boolean smtpStartTls, String from, Long maxMessageBytes) {

	static Mailbox of(Map<String, String> settings) {
		boolean ssl = Boolean.parseBoolean(settings.getOrDefault("ssl", "false"));
		boolean smtpSsl = Boolean.parseBoolean(settings.getOrDefault("smtpSsl", String.valueOf(ssl)));
		String host = settings.get("host");
		String username = settings.get("username");
		return new Mailbox(host, Integer.parseInt(settings.getOrDefault("port", ssl ? "993" : "143")), ssl, username,
				settings.get("passwordEnv"), settings.getOrDefault("folder", "INBOX"),
				settings.getOrDefault("smtpHost", host),
				Integer.parseInt(settings.getOrDefault("smtpPort", smtpSsl ? "465" : "587")), smtpSsl,
				Boolean.parseBoolean(settings.getOrDefault("smtpStartTls", "false")),
				settings.getOrDefault("from", username),
				settings.containsKey("maxMessageBytes") ? Long.valueOf(settings.get("maxMessageBytes")) : null);
	}

	String password(Environment environment) {
		return this.passwordEnv == null || this.passwordEnv.isBlank() ? null
				: environment.getProperty(this.passwordEnv);
	}

	long maxBytes(EmailSettings settings) {
		long global = settings.maxMessageSize().toBytes();
		return this.maxMessageBytes == null ? global : Math.min(global, this.maxMessageBytes);
	}

	String imapProtocol() {
		return this.ssl ? "imaps" : "imap";
	}

	String smtpProtocol() {
		return this.smtpSsl ? "smtps" : "smtp";
	}

	/**
	 * A mail session with timeouts, so one unresponsive server cannot hold a poller
	 * thread for ever, and with {@code peek}, so a mail is only marked seen after it was
	 * stored.
	 */
	Session session(EmailSettings settings) {
		String timeout = String.valueOf(settings.timeout().toMillis());
		Properties properties = new Properties();
		for (String protocol : new String[] { imapProtocol(), smtpProtocol() }) {
			properties.put("mail." + protocol + ".connectiontimeout", timeout);
			properties.put("mail." + protocol + ".timeout", timeout);
			properties.put("mail." + protocol + ".writetimeout", timeout);
		}
		properties.put("mail." + imapProtocol() + ".peek", "true");
		// TLS always checks the certificate chain and that it names the server.
		for (String protocol : new String[] { imapProtocol(), smtpProtocol() }) {
			properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
			// Never retry a refused connection with another socket factory: that would
			// turn a certificate refusal into a weaker connection or a misleading error.
			properties.put("mail." + protocol + ".socketFactory.fallback", "false");
			MailTrust.socketFactory(settings)
				.ifPresent(factory -> properties.put("mail." + protocol + ".ssl.socketFactory", factory));
		}
		properties.put("mail." + smtpProtocol() + ".starttls.enable", String.valueOf(this.smtpStartTls));
		properties.put("mail." + smtpProtocol() + ".starttls.required", String.valueOf(this.smtpStartTls));
		properties.put("mail.mime.address.strict", "false");
		return Session.getInstance(properties);
	}

}
