package io.walletdesk.channel.spi;

import java.util.Map;
import java.util.UUID;

/**
 * A public reply on its way to the customer.
 *
 * @param inboxId the inbox the conversation came through
 * @param settings the inbox's settings (no secrets: those come from the environment)
 * @param threadKey the channel's conversation key (chat id, e-mail thread, app user id)
 * @param recipient the customer's handle on this channel
 * @param ticketNumber the human-friendly ticket number, e.g. WD-000123
 * @param messageId WalletDesk's id of the reply, usable as an idempotency key
 */
public record Outbound(UUID inboxId, Map<String, String> settings, String threadKey, String recipient,
		String ticketNumber, String subject, String text, String html, UUID ticketId, UUID messageId, String language) {
}
