package io.walletdesk.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing configuration ({@code walletdesk.routing.*}).
 *
 * @param awayAfter how long without a console heartbeat before an online agent is away
 * @param offlineAfter how much longer before an away agent is offline (their live chats
 * go back to the queue)
 * @param sweepInterval how often expired offers and silent consoles are looked for
 * @param reconcileInterval how often the in-memory agent index is rebuilt from the
 * database, which catches what other nodes changed
 */
@ConfigurationProperties("walletdesk.routing")
public record RoutingSettings(@DefaultValue("5m") Duration awayAfter, @DefaultValue("15m") Duration offlineAfter,
		@DefaultValue("5s") Duration sweepInterval, @DefaultValue("30s") Duration reconcileInterval) {
}
