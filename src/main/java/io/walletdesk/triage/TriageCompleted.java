package io.walletdesk.triage;

import java.util.UUID;

/**
 * A customer message was triaged and the ticket took what applied to it.
 *
 * @param ticketId the ticket
 * @param messageId the message
 * @param category category identifier
 * @param priority priority identifier
 * @param sentiment sentiment identifier
 * @param language language tag
 */
public record TriageCompleted(UUID ticketId, UUID messageId, String category, String priority, String sentiment,
		String language) {
}
