package io.walletdesk.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in agent, as every module sees it in the security context (session or API
 * token). Carries what authorization decisions need: roles and group memberships.
 */
public final class AgentPrincipal implements UserDetails, CredentialsContainer {

	private final UUID id;

	private final String username;

	private final String displayName;

	private final Set<Role> roles;

	private final Set<UUID> groupIds;

	private final String language;

	private final boolean locked;

	private final boolean enabled;

	private String passwordHash;

	AgentPrincipal(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> groupIds, String language,
			String passwordHash, boolean locked, boolean enabled) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
		this.groupIds = Set.copyOf(groupIds);
		this.language = language;
		this.passwordHash = passwordHash;
		this.locked = locked;
		this.enabled = enabled;
	}

	public UUID id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	public Set<UUID> groupIds() {
		return this.groupIds;
	}

	/** The agent's preferred console language, such as {@code en} or {@code zh-CN}. */
	public String language() {
		return this.language;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Supervisors and admins see every ticket; others see their groups' and their own.
	 */
	public boolean seesAllTickets() {
		return hasRole(Role.SUPERVISOR) || hasRole(Role.ADMIN);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		this.roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AgentPrincipal that && this.id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "AgentPrincipal[" + this.username + "]";
	}

}
