package io.walletdesk.identity;

import java.util.UUID;

/**
 * A group of agents (a team such as general support, security or the technical team).
 */
public record GroupView(UUID id, String name, String description) {
}
