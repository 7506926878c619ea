package io.walletdesk.channel.email;

import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Recognises mail that a machine sent (auto-replies, bounces, mailing lists), which must
 * never be answered, or two autoresponders would write to each other for ever.
 */
final class AutomaticMail {

	private AutomaticMail() {
	}

	/**
	 * @return why the mail counts as automatic, or empty for a person's mail
	 */
	static Optional<String> reason(MimeMessage mail, String sender) throws MessagingException {
		String autoSubmitted = header(mail, "Auto-Submitted");
		if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
		}
		String precedence = header(mail, "Precedence");
		if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
			return Optional.of("Precedence: " + precedence.strip());
		}
		for (String name : new String[] { "List-Id", "List-Unsubscribe", "X-Autoreply", "X-Autorespond" }) {
			if (header(mail, name) != null) {
				return Optional.of(name + " header");
			}
		}
		String returnPath = header(mail, "Return-Path");
		if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
			return Optional.of("empty Return-Path (bounce)");
		}
		if (sender != null) {
			String local = sender.toLowerCase(Locale.ROOT).split("@", 2)[0];
			if (local.equals("mailer-daemon") || local.equals("postmaster")) {
				return Optional.of("sent by " + local);
			}
		}
		String contentType = mail.getContentType();
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("multipart/report")) {
			return Optional.of("delivery report");
		}
		return Optional.empty();
	}

	private static String header(MimeMessage mail, String name) throws MessagingException {
		return mail.getHeader(name, ",");
	}

}
