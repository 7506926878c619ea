package io.walletdesk.routing;

import io.walletdesk.routing.internal.AgentIndex;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's in-memory agent index, shared by the router, the listeners that keep it
 * current and the periodic rebuild.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	@Bean
	AgentIndex agentIndex() {
		return new AgentIndex();
	}

}
