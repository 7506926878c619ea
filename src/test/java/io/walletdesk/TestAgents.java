package io.walletdesk;

import java.util.Set;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.NewAgent;
import io.walletdesk.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Creates agents and API tokens for tests, each with a unique name so tests never collide
 * on a shared database.
 */
@Component
public class TestAgents {

	public static final String PASSWORD = "correct horse battery staple";

	private final AgentManagement agents;

	public TestAgents(AgentManagement agents) {
		this.agents = agents;
	}

	public AgentView create(Role role, UUID... groups) {
		String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		return this.agents.create(new NewAgent(username, "Test " + username, username + "@example.test", PASSWORD,
				Set.of(role), Set.of("en"), Set.of(), Set.of(groups), "UTC"));
	}

	/** A bearer header value for a new agent with the role. */
	public String token(Role role, UUID... groups) {
		return tokenFor(create(role, groups).id());
	}

	public String tokenFor(UUID agentId) {
		return "Bearer " + this.agents.issueToken(agentId, "test").value();
	}

	public UUID group(String prefix) {
		return this.agents.createGroup(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), "").id();
	}

}
