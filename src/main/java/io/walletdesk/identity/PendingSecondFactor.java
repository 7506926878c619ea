package io.walletdesk.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session whose password was accepted but whose second factor is still owed. It grants
 * nothing but the two-factor pages.
 */
public final class PendingSecondFactor extends AbstractAuthenticationToken {

	/** May verify a code. */
	public static final String VERIFY = "SECOND_FACTOR_VERIFY";

	/** Must set up an authenticator first. */
	public static final String ENROL = "SECOND_FACTOR_ENROL";

	private final AgentPrincipal agent;

	PendingSecondFactor(AgentPrincipal agent, String stage) {
		super(List.of(new SimpleGrantedAuthority(stage)));
		this.agent = agent;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public AgentPrincipal getPrincipal() {
		return this.agent;
	}

	public boolean mustEnrol() {
		return getAuthorities().stream().anyMatch(a -> ENROL.equals(a.getAuthority()));
	}

}
