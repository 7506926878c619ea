package io.walletdesk.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's presence changed.
 *
 * @param cause {@code agent} (they chose it), {@code inactivity} (no heartbeat from their
 * console), {@code sign_out} or {@code heartbeat} (their console came back)
 */
public record AgentPresenceChanged(UUID agentId, Presence from, Presence to, String cause, Instant at) {
}
