package io.walletdesk.ticket;

import java.util.UUID;

/**
 * An agent started or stopped typing a reply on a ticket's page. Not stored and not
 * replayed: a lost notice only means an indicator does not show.
 */
public record AgentTyping(UUID ticketId, UUID agentId, boolean typing) {
}
