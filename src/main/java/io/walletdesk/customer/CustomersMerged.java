package io.walletdesk.customer;

import java.util.UUID;

/**
 * Two customer records turned out to be one person: everything of {@code mergedId} now
 * belongs to {@code survivorId}.
 */
public record CustomersMerged(UUID mergedId, UUID survivorId) {
}
