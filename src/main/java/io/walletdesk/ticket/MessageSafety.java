package io.walletdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.walletdesk.safety.LinkFinding;
import io.walletdesk.safety.LinkVerdict;
import io.walletdesk.safety.ScanResult;
import io.walletdesk.safety.SecretFinding;
import io.walletdesk.safety.SecretScanner;

import org.springframework.stereotype.Component;

/**
 * Runs every piece of a message that will be stored (subject, text, HTML, attachment
 * names and text attachments) through the secret scanner before anything else sees it,
 * and collects the lookalike links an agent must be warned about.
 */
@Component
class MessageSafety {

	/** Attachments whose bytes are text and are scanned like the message itself. */
	private static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/csv", "application/json",
			"message/rfc822");

	private final SecretScanner scanner;

	MessageSafety(SecretScanner scanner) {
		this.scanner = scanner;
	}

	Cleaned clean(String subject, String text, String html, List<NewAttachment> attachments,
			Collection<String> knownAddresses) {
		List<SecretFinding> secrets = new ArrayList<>();
		Map<String, LinkFinding> lookalikes = new LinkedHashMap<>();
		String cleanSubject = subject == null ? null : scan(subject, knownAddresses, secrets, lookalikes);
		String cleanText = text == null ? null : scan(text, knownAddresses, secrets, lookalikes);
		String cleanHtml = null;
		if (html != null) {
			cleanHtml = this.scanner.redactHtml(html, knownAddresses);
			if (text == null) {
				// The text will be derived from this HTML; count its secrets once, here.
				scan(HtmlBodies.toText(html), knownAddresses, secrets, lookalikes);
			}
		}
		List<NewAttachment> cleanAttachments = new ArrayList<>();
		for (NewAttachment attachment : attachments) {
			String name = attachment.fileName() == null ? null
					: scan(attachment.fileName(), knownAddresses, secrets, lookalikes);
			byte[] content = attachment.content();
			if (content != null && TEXT_TYPES.contains(attachment.contentType())) {
				content = scan(new String(content, StandardCharsets.UTF_8), knownAddresses, secrets, lookalikes)
					.getBytes(StandardCharsets.UTF_8);
			}
			cleanAttachments.add(new NewAttachment(name, attachment.contentType(), content));
		}
		return new Cleaned(cleanSubject, cleanText, cleanHtml, cleanAttachments, List.copyOf(secrets),
				List.copyOf(lookalikes.values()));
	}

	private String scan(String value, Collection<String> knownAddresses, List<SecretFinding> secrets,
			Map<String, LinkFinding> lookalikes) {
		ScanResult result = this.scanner.scan(value, knownAddresses);
		secrets.addAll(result.secrets());
		result.links()
			.stream()
			.filter(link -> link.verdict() == LinkVerdict.LOOKALIKE)
			.forEach(link -> lookalikes.putIfAbsent(link.host(), link));
		return result.redactedText();
	}

	/**
	 * A message with its secrets replaced by placeholders, what was removed (kinds and
	 * sizes, never the secret) and the lookalike links found in it.
	 */
	record Cleaned(String subject, String text, String html, List<NewAttachment> attachments,
			List<SecretFinding> secrets, List<LinkFinding> lookalikes) {

		boolean hasSecrets() {
			return !this.secrets.isEmpty();
		}

		/** For the audit log, e.g. "mnemonic (12 words), private_key". */
		String secretSummary() {
			return String.join(", ", this.secrets.stream()
				.map(secret -> secret.type().code() + (secret.words() > 0 ? " (" + secret.words() + " words)" : ""))
				.toList());
		}

	}

}
