package io.walletdesk.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An agent as other modules and the admin pages see it; no credentials.
 */
public record AgentView(UUID id, String username, String displayName, String email, Set<Role> roles,
		Set<String> languages, Set<String> skills, Set<UUID> groupIds, String timeZone, boolean enabled,
		boolean twoFactorEnabled, Instant lockedUntil, Instant createdAt) {
}
