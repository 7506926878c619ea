package io.walletdesk.ticket;

import java.util.List;
import java.util.UUID;

/**
 * A customer message contained secrets that were removed before storage.
 *
 * @param kinds the kinds removed, e.g. {@code mnemonic}, {@code private_key} (never the
 * secret)
 */
public record SecretsRedacted(UUID ticketId, UUID messageId, List<String> kinds) {
}
