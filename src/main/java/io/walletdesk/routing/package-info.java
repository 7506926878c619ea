/**
 * Routing: agents' presence and capacity, per-group rules, and giving each waiting
 * conversation to the right available agent (live chats offered one agent at a time).
 */
@ApplicationModule(displayName = "Routing")
package io.walletdesk.routing;

import org.springframework.modulith.ApplicationModule;
