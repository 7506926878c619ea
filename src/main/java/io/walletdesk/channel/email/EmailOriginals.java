package io.walletdesk.channel.email;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.channel.IntakeResult;
import io.walletdesk.safety.SecretScanner;
import io.walletdesk.ticket.NewAttachment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The raw MIME of inbound mail, by the ticket message it became, so an agent can see
 * exactly what arrived (headers, quoted history, signature). A mail whose decoded content
 * held a secret is not kept: the ticket message holds the redacted text, and the raw
 * bytes, where the secret may sit inside base64 or quoted-printable, never persist.
 */
@Component
class EmailOriginals {

	private final JdbcClient jdbc;

	private final SecretScanner scanner;

	private final Clock clock;

	EmailOriginals(JdbcClient jdbc, SecretScanner scanner, Clock clock) {
		this.jdbc = jdbc;
		this.scanner = scanner;
		this.clock = clock;
	}

	void keep(UUID inboxId, IntakeResult stored, InboundMail mail) {
		byte[] raw = holdsSecret(mail) ? null : mail.raw();
		this.jdbc.sql("""
				insert into channel_email_original (message_id, ticket_id, inbox_id, mail_id, raw, size_bytes,
				                                    created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(stored.messageId(), stored.ticketId(), inboxId, mail.messageId(), raw, mail.raw().length,
					Timestamp.from(this.clock.instant()))
			.update();
	}

	/** The ticket and raw bytes of the mail a ticket message came from, if kept. */
	Optional<Original> find(UUID messageId) {
		return this.jdbc
			.sql("select ticket_id, raw from channel_email_original where message_id = ? and raw is not null")
			.param(messageId)
			.query((rs, n) -> new Original(rs.getObject(1, UUID.class), rs.getBytes(2)))
			.optional();
	}

	private boolean holdsSecret(InboundMail mail) {
		if (secret(mail.subject()) || secret(mail.text())) {
			return true;
		}
		if (mail.html() != null && !this.scanner.redactHtml(mail.html()).equals(mail.html())) {
			return true;
		}
		for (NewAttachment attachment : mail.attachments()) {
			if (attachment.contentType().startsWith("text/") || attachment.contentType().equals("application/json")) {
				if (secret(new String(attachment.content(), StandardCharsets.UTF_8))) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean secret(String text) {
		return text != null && this.scanner.scan(text).hasSecrets();
	}

	record Original(UUID ticketId, byte[] raw) {
	}

}
