package io.walletdesk.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.walletdesk.ticket.NewAttachment;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A received mail taken apart: threading headers, sender and participants, text, HTML and
 * attachments.
 */
record InboundMail(MimeMessage mime, byte[] raw, String messageId, List<String> references, String sender,
		String senderName, Set<String> participants, String subject, String text, String html,
		List<NewAttachment> attachments) {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	/**
	 * @throws MessagingException or {@link IOException} when the mail cannot be read (the
	 * caller quarantines it)
	 */
	static InboundMail parse(byte[] raw, Session session) throws MessagingException, IOException {
		MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(raw));
		String messageId = firstId(mime.getMessageID());
		if (messageId == null) {
			// Without a Message-ID, the content names the mail, so a re-polled copy is
			// still
			// recognised.
			messageId = "<sha256." + sha256(raw) + "@walletdesk.invalid>";
		}
		List<String> references = new ArrayList<>();
		references.addAll(ids(mime.getHeader("References", " ")));
		references.addAll(ids(mime.getHeader("In-Reply-To", " ")));
		InternetAddress from = first(mime.getFrom());
		Set<String> participants = new LinkedHashSet<>();
		for (Address[] addresses : new Address[][] { mime.getFrom(), mime.getReplyTo(),
				mime.getRecipients(Message.RecipientType.TO), mime.getRecipients(Message.RecipientType.CC) }) {
			if (addresses != null) {
				for (Address address : addresses) {
					if (address instanceof InternetAddress internet && internet.getAddress() != null) {
						participants.add(internet.getAddress().toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		Body body = new Body();
		body.collect(mime);
		return new InboundMail(mime, raw, messageId, List.copyOf(references),
				from == null || from.getAddress() == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
				from == null ? null : from.getPersonal(), participants, mime.getSubject(), body.text, body.html,
				body.attachments);
	}

	/** All Message-IDs this mail refers to, the direct parent last. */
	static List<String> ids(String header) {
		if (header == null) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		Matcher matcher = MESSAGE_ID.matcher(header);
		while (matcher.find()) {
			ids.add(matcher.group());
		}
		return ids;
	}

	private static String firstId(String header) {
		List<String> ids = ids(header);
		return ids.isEmpty() ? null : ids.get(0);
	}

	private static InternetAddress first(Address[] addresses) {
		if (addresses == null) {
			return null;
		}
		for (Address address : addresses) {
			if (address instanceof InternetAddress internet) {
				return internet;
			}
		}
		return null;
	}

	static String sha256(byte[] raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Walks the MIME tree: the first text and HTML bodies, everything else attached. */
	private static final class Body {

		String text;

		String html;

		final List<NewAttachment> attachments = new ArrayList<>();

		void collect(Part part) throws MessagingException, IOException {
			String type = baseType(part);
			boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
			if (type.startsWith("multipart/")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
			}
			else if (!attachment && type.equals("text/plain") && this.text == null) {
				this.text = String.valueOf(part.getContent());
			}
			else if (!attachment && type.equals("text/html") && this.html == null) {
				this.html = String.valueOf(part.getContent());
			}
			else {
				this.attachments.add(new NewAttachment(fileName(part, type), type, bytes(part)));
			}
		}

		private String fileName(Part part, String type) throws MessagingException {
			String name = part.getFileName();
			if (name != null) {
				try {
					return MimeUtility.decodeText(name);
				}
				catch (IOException ex) {
					return name;
				}
			}
			return "attachment-" + (this.attachments.size() + 1) + (type.equals("message/rfc822") ? ".eml" : "");
		}

		private static byte[] bytes(Part part) throws MessagingException, IOException {
			try (InputStream in = part.getInputStream()) {
				return in.readAllBytes();
			}
		}

		private static String baseType(Part part) throws MessagingException {
			String contentType = part.getContentType();
			if (contentType == null) {
				return "text/plain";
			}
			try {
				return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
			}
			catch (MessagingException ex) {
				return "application/octet-stream";
			}
		}

	}

	/**
	 * What can still be read from the headers of a mail whose body is broken, for the
	 * quarantine list.
	 */
	record Envelope(String messageId, String sender, String subject) {

		static Envelope of(byte[] raw, Session session) {
			MimeMessage mime;
			try {
				mime = new MimeMessage(session, new ByteArrayInputStream(raw));
			}
			catch (MessagingException | RuntimeException ex) {
				return new Envelope(null, null, null);
			}
			String messageId = null;
			String sender = null;
			String subject = null;
			try {
				messageId = firstId(mime.getMessageID());
			}
			catch (MessagingException | RuntimeException ex) {
				// left empty
			}
			try {
				InternetAddress from = first(mime.getFrom());
				sender = from == null ? null : from.getAddress();
			}
			catch (MessagingException | RuntimeException ex) {
				// left empty
			}
			try {
				subject = mime.getSubject();
			}
			catch (MessagingException | RuntimeException ex) {
				// left empty
			}
			return new Envelope(messageId, sender, subject);
		}

	}

}
