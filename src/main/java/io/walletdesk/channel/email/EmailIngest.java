package io.walletdesk.channel.email;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.walletdesk.channel.ChannelIntake;
import io.walletdesk.channel.InboundMessage;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.IntakeResult;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.CustomerView;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.ticket.NewAttachment;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketSettings;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one received mail into a ticket message, in small steps: parse, skip what was
 * seen, set automatic mail aside, find the thread, strip quotes, hand over to
 * {@link ChannelIntake}, keep the original. A mail that fails any step is quarantined; it
 * never stops the mails after it.
 */
@Component
class EmailIngest {

	private static final Logger log = LoggerFactory.getLogger(EmailIngest.class);

	private static final Pattern TICKET_NUMBER = Pattern.compile("\\[?(WD-\\d{6,})\\]?");

	private final ChannelIntake intake;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final EmailThreads threads;

	private final EmailQuarantine quarantine;

	private final TicketSettings limits;

	private final EmailOriginals originals;

	private final TransactionTemplate transaction;

	EmailIngest(ChannelIntake intake, TicketManagement tickets, CustomerManagement customers, EmailThreads threads,
			EmailQuarantine quarantine, TicketSettings limits, EmailOriginals originals,
			PlatformTransactionManager transactions) {
		this.originals = originals;
		this.intake = intake;
		this.tickets = tickets;
		this.customers = customers;
		this.threads = threads;
		this.quarantine = quarantine;
		this.limits = limits;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Ingests one mail; never throws for a bad mail.
	 * @return what happened, for logs and the benchmark
	 */
	Outcome ingest(InboxView inbox, Mailbox mailbox, Session session, byte[] raw) {
		InboundMail mail;
		try {
			mail = InboundMail.parse(raw, session);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			InboundMail.Envelope envelope = InboundMail.Envelope.of(raw, session);
			return quarantine(inbox, EmailQuarantine.MALFORMED, "unreadable mail: " + ex, envelope.messageId(),
					envelope.sender(), envelope.subject(), raw.length);
		}
		try {
			if (this.threads.known(inbox.id(), mail.messageId())) {
				return Outcome.DUPLICATE;
			}
			if (mail.sender() == null || mail.sender().isBlank()) {
				return quarantine(inbox, EmailQuarantine.MALFORMED, "no sender address (From)", mail.messageId(), null,
						mail.subject(), raw.length);
			}
			Optional<String> automatic = AutomaticMail.reason(mail.mime(), mail.sender());
			if (automatic.isPresent()) {
				log.info("Not answering automatic mail {} from {} in inbox {}: {}", mail.messageId(), mail.sender(),
						inbox.name(), automatic.get());
				this.quarantine.add(inbox.id(), EmailQuarantine.AUTOMATIC, automatic.get(), mail.messageId(),
						mail.sender(), mail.subject(), raw.length);
				return Outcome.AUTOMATIC;
			}
			Thread thread = thread(inbox.id(), mail);
			InboundMessage message = new InboundMessage(inbox.id(), mail.messageId(), thread.key(), thread.ticketHint(),
					IdentityKind.EMAIL, mail.sender(), mail.senderName(), null, subject(mail.subject()), text(mail),
					html(mail), attachments(mail, raw),
					mail.mime().getSentDate() == null ? null : mail.mime().getSentDate().toInstant());
			Set<String> participants = new LinkedHashSet<>(mail.participants());
			participants.remove(mailbox.from() == null ? "" : mailbox.from().toLowerCase(Locale.ROOT));
			participants.remove(mailbox.username() == null ? "" : mailbox.username().toLowerCase(Locale.ROOT));
			IntakeResult result = this.transaction.execute(status -> {
				IntakeResult received = this.intake.receive(message);
				this.threads.record(inbox.id(), mail.messageId(), "in", received.ticketId(), received.ticketNumber(),
						thread.key());
				this.threads.addParticipants(received.ticketId(), participants);
				if (!received.duplicate()) {
					this.originals.keep(inbox.id(), received, mail);
				}
				return received;
			});
			return result.duplicate() ? Outcome.DUPLICATE : result.newTicket() ? Outcome.NEW_TICKET : Outcome.CONTINUED;
		}
		catch (MessagingException | RuntimeException ex) {
			return quarantine(inbox, EmailQuarantine.MALFORMED, ex.toString(), mail.messageId(), mail.sender(),
					mail.subject(), raw.length);
		}
	}

	Outcome tooLarge(InboxView inbox, long size, long max, String messageId, String sender, String subject) {
		return quarantine(inbox, EmailQuarantine.TOO_LARGE, "mail of " + size + " bytes exceeds the limit of " + max,
				messageId, sender, subject, size);
	}

	private Outcome quarantine(InboxView inbox, String reason, String error, String messageId, String sender,
			String subject, long size) {
		log.warn("Quarantined mail {} from {} in inbox {}: {}", messageId, sender, inbox.name(), error);
		this.quarantine.add(inbox.id(), reason, error, messageId, sender, subject, size);
		return Outcome.QUARANTINED;
	}

	/**
	 * The ticket this mail continues: the one its In-Reply-To or References point to,
	 * else the one whose number is in the subject, and only if the sender is the ticket's
	 * requester or took part in its thread, so a stranger quoting a ticket number opens a
	 * ticket of their own.
	 */
	private Thread thread(UUID inboxId, InboundMail mail) {
		Optional<EmailThreads.Known> known = this.threads.latest(inboxId, mail.references());
		if (known.isEmpty() && mail.subject() != null) {
			Matcher number = TICKET_NUMBER.matcher(mail.subject());
			if (number.find()) {
				known = this.threads.byNumber(inboxId, number.group(1));
			}
		}
		if (known.isPresent()) {
			Optional<TicketView> ticket = this.tickets.find(known.get().ticketId());
			if (ticket.isPresent() && mayContinue(ticket.get(), mail.sender())) {
				// A closed ticket is not continued; the thread then opens a new ticket.
				UUID hint = ticket.get().status() == TicketStatus.CLOSED ? null : ticket.get().id();
				return new Thread(known.get().rootId(), hint);
			}
		}
		// Keyed by its own Message-ID, the mail cannot fall into another conversation.
		return new Thread(mail.messageId(), null);
	}

	private boolean mayContinue(TicketView ticket, String sender) {
		CustomerView requester = this.customers.get(ticket.requesterId());
		boolean isRequester = requester.identities()
			.stream()
			.anyMatch(identity -> identity.kind() == IdentityKind.EMAIL
					&& IdentityKind.EMAIL.normalize(identity.value()).equals(sender));
		return isRequester || this.threads.isParticipant(ticket.id(), sender);
	}

	private static String subject(String subject) {
		if (subject == null || subject.isBlank()) {
			return null;
		}
		String stripped = subject.strip();
		return stripped.length() > 300 ? stripped.substring(0, 300) : stripped;
	}

	private String text(InboundMail mail) {
		String text = mail.text() == null ? null : QuotedText.strip(mail.text());
		List<String> notes = notes(mail);
		if (!notes.isEmpty()) {
			text = (text == null || text.isBlank() ? "" : text + "\n\n") + String.join("\n", notes);
		}
		if ((text == null || text.isBlank()) && (mail.html() == null || mail.html().isBlank())) {
			text = "(no text)";
		}
		int max = this.limits.maxBodyChars();
		return text != null && text.length() > max ? text.substring(0, max - 1) + "…" : text;
	}

	private String html(InboundMail mail) {
		String html = QuotedText.stripHtml(mail.html());
		return html != null && html.length() > 4 * this.limits.maxBodyChars() ? null : html;
	}

	/**
	 * The mail's attachments of allowed types and sizes.
	 */
	private List<NewAttachment> attachments(InboundMail mail, byte[] raw) {
		List<NewAttachment> kept = new ArrayList<>();
		for (NewAttachment attachment : mail.attachments()) {
			if (allowed(attachment.contentType(), attachment.content().length)) {
				kept.add(attachment);
			}
		}
		return kept;
	}

	private List<String> notes(InboundMail mail) {
		List<String> notes = new ArrayList<>();
		for (NewAttachment attachment : mail.attachments()) {
			if (!allowed(attachment.contentType(), attachment.content().length)) {
				notes.add("[Attachment " + attachment.fileName() + " (" + attachment.contentType() + ", "
						+ attachment.content().length + " bytes) was not kept: type or size not allowed]");
			}
		}
		return notes;
	}

	private boolean allowed(String contentType, long size) {
		return this.limits.attachmentAllowedTypes().contains(contentType) && size <= this.limits.attachmentMaxBytes();
	}

	/** Where a mail goes: its thread's root Message-ID and the ticket it continues. */
	private record Thread(String key, UUID ticketHint) {
	}

	enum Outcome {

		NEW_TICKET, CONTINUED, DUPLICATE, AUTOMATIC, QUARANTINED

	}

}
