package io.walletdesk.identity;

/**
 * What an agent may do. Supervisors and admins can do everything an agent can; the
 * technical team (TECH) works tickets escalated to its groups.
 */
public enum Role {

	AGENT, TECH, SUPERVISOR, ADMIN;

	/**
	 * Supervisors and admins hold the keys to other people's work, so they must use a
	 * second factor.
	 */
	public boolean requiresTwoFactor() {
		return this == SUPERVISOR || this == ADMIN;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
