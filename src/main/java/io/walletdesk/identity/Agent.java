package io.walletdesk.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "agent")
class Agent extends NewAwareEntity {

	@Id
	private UUID id;

	private String username;

	private String displayName;

	private String email;

	private String passwordHash;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private String[] roles;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private String[] languages;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private String[] skills;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "uuid[]")
	private UUID[] groupIds;

	private String timeZone;

	private boolean enabled;

	private int failedSignIns;

	private Instant lockedUntil;

	private String totpSecret;

	private boolean totpEnabled;

	private Instant createdAt;

	@Version
	private long version;

	protected Agent() {
	}

	Agent(String username, String displayName, String email, String passwordHash, Set<Role> roles,
			Set<String> languages, Set<String> skills, Set<UUID> groupIds, String timeZone, Instant now) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.createdAt = now;
		update(displayName, email, roles, languages, skills, groupIds, timeZone);
	}

	void update(String displayName, String email, Set<Role> roles, Set<String> languages, Set<String> skills,
			Set<UUID> groupIds, String timeZone) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("An agent needs at least one role");
		}
		this.displayName = displayName;
		this.email = email;
		this.roles = roles.stream().map(Role::name).sorted().toArray(String[]::new);
		this.languages = languages.toArray(String[]::new);
		this.skills = skills.toArray(String[]::new);
		this.groupIds = groupIds.toArray(UUID[]::new);
		this.timeZone = timeZone;
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String displayName() {
		return this.displayName;
	}

	String email() {
		return this.email;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Set<Role> roles() {
		Set<Role> result = EnumSet.noneOf(Role.class);
		Arrays.stream(this.roles).map(Role::valueOf).forEach(result::add);
		return result;
	}

	Set<String> languages() {
		return new LinkedHashSet<>(Arrays.asList(this.languages));
	}

	Set<String> skills() {
		return new LinkedHashSet<>(Arrays.asList(this.skills));
	}

	Set<UUID> groupIds() {
		return new LinkedHashSet<>(Arrays.asList(this.groupIds));
	}

	String timeZone() {
		return this.timeZone;
	}

	boolean enabled() {
		return this.enabled;
	}

	boolean totpEnabled() {
		return this.totpEnabled;
	}

	String totpSecret() {
		return this.totpSecret;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	Instant lockedUntil() {
		return this.lockedUntil;
	}

	boolean requiresTwoFactor() {
		return roles().stream().anyMatch(Role::requiresTwoFactor);
	}

	/** The console language follows the first language the agent speaks. */
	String consoleLanguage() {
		return Arrays.stream(this.languages).findFirst().orElse("en");
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void recordFailedSignIn(Instant now, int threshold, Duration lockout) {
		this.failedSignIns++;
		if (this.failedSignIns >= threshold) {
			this.lockedUntil = now.plus(lockout);
			this.failedSignIns = 0;
		}
	}

	void recordSuccessfulSignIn() {
		this.failedSignIns = 0;
		this.lockedUntil = null;
	}

	void unlock() {
		recordSuccessfulSignIn();
	}

	void enableTwoFactor(String secret) {
		this.totpSecret = secret;
		this.totpEnabled = true;
	}

	void disableTwoFactor() {
		if (requiresTwoFactor()) {
			throw new IllegalStateException("Supervisors and admins must keep two-factor authentication");
		}
		this.totpSecret = null;
		this.totpEnabled = false;
	}

	void deactivate() {
		this.enabled = false;
	}

	void activate() {
		this.enabled = true;
	}

	AgentPrincipal toPrincipal(Instant now) {
		return new AgentPrincipal(this.id, this.username, this.displayName, roles(), groupIds(), consoleLanguage(),
				this.passwordHash, isLocked(now), this.enabled);
	}

}
