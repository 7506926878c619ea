package io.walletdesk.ticket;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what a message may carry.
 *
 * @param maxBodyChars longest message text accepted (longer answers 413)
 * @param attachmentMaxBytes largest attachment accepted
 * @param attachmentAllowedTypes media types accepted as attachments
 */
@ConfigurationProperties("walletdesk.ticket")
public record TicketSettings(@DefaultValue("65536") int maxBodyChars, @DefaultValue("10485760") long attachmentMaxBytes,
		List<String> attachmentAllowedTypes) {

	public TicketSettings {
		attachmentAllowedTypes = attachmentAllowedTypes == null
				? List.of("image/png", "image/jpeg", "application/pdf", "text/plain")
				: List.copyOf(attachmentAllowedTypes);
	}

}
