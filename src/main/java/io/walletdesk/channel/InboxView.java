package io.walletdesk.channel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A configured inbox: one bot, one mailbox, one widget. Several inboxes of one kind may
 * exist.
 *
 * @param kind the channel adapter id, e.g. {@code email}, {@code telegram}
 * @param publicKey a non-secret key that names the inbox in public places (widget tag,
 * webhook URL)
 * @param settings kind-specific, non-secret settings
 * @param groupId the group new conversations go to, if any
 */
public record InboxView(UUID id, String kind, String name, String publicKey, Map<String, String> settings,
		boolean enabled, UUID groupId, Instant createdAt) {
}
