package io.walletdesk.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as it may be shown again: its prefix, never its value.
 */
public record ApiTokenView(UUID id, UUID agentId, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
