package io.walletdesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents, groups and API tokens: the identity module's public face.
 */
@Service
public class AgentManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Agents agents;

	private final AgentGroups groups;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	private final TokenCache tokenCache;

	private final Clock clock;

	AgentManagement(Agents agents, AgentGroups groups, ApiTokens tokens, PasswordEncoder passwords,
			TokenCache tokenCache, Clock clock) {
		this.agents = agents;
		this.groups = groups;
		this.tokens = tokens;
		this.passwords = passwords;
		this.tokenCache = tokenCache;
		this.clock = clock;
	}

	/**
	 * Creates an agent with a hashed password.
	 * @throws InvalidInputException when the username is taken, a group or time zone is
	 * unknown
	 */
	@Transactional
	public AgentView create(NewAgent command) {
		if (this.agents.existsByUsername(command.username())) {
			throw new InvalidInputException("username", "is already taken");
		}
		checkGroups(command.groupIds());
		checkTimeZone(command.timeZone());
		Agent agent = new Agent(command.username(), command.displayName(), command.email(),
				this.passwords.encode(command.password()), command.roles(), command.languages(), command.skills(),
				command.groupIds(), command.timeZone(), this.clock.instant());
		return toView(this.agents.save(agent));
	}

	/**
	 * Changes an agent's profile, roles and memberships.
	 */
	@Transactional
	public AgentView update(UUID agentId, String displayName, String email, Set<Role> roles, Set<String> languages,
			Set<String> skills, Set<UUID> groupIds, String timeZone) {
		Agent agent = load(agentId);
		checkGroups(groupIds);
		checkTimeZone(timeZone);
		if (roles.isEmpty()) {
			throw new InvalidInputException("roles", "must not be empty");
		}
		agent.update(displayName, email, roles, languages, skills, groupIds, timeZone);
		this.tokenCache.evictAgent(agentId);
		return toView(agent);
	}

	@Transactional
	public void changePassword(UUID agentId, String newPassword) {
		if (newPassword == null || newPassword.length() < 10) {
			throw new InvalidInputException("password", "must have at least 10 characters");
		}
		load(agentId).changePassword(this.passwords.encode(newPassword));
	}

	@Transactional
	public void unlock(UUID agentId) {
		load(agentId).unlock();
	}

	@Transactional
	public void setActive(UUID agentId, boolean active) {
		Agent agent = load(agentId);
		if (active) {
			agent.activate();
		}
		else {
			agent.deactivate();
		}
		this.tokenCache.evictAgent(agentId);
	}

	@Transactional(readOnly = true)
	public Optional<AgentView> find(UUID agentId) {
		return this.agents.findById(agentId).map(this::toView);
	}

	@Transactional(readOnly = true)
	public Optional<AgentView> findByUsername(String username) {
		return this.agents.findByUsername(username).map(this::toView);
	}

	@Transactional(readOnly = true)
	public List<AgentView> all() {
		return this.agents.findAllByOrderByDisplayNameAsc().stream().map(this::toView).toList();
	}

	/** Display names by agent id, for lists that show many agents at once. */
	@Transactional(readOnly = true)
	public Map<UUID, String> displayNames() {
		return this.agents.findAll().stream().collect(Collectors.toMap(Agent::id, Agent::displayName));
	}

	@Transactional(readOnly = true)
	public boolean exists(UUID agentId) {
		return this.agents.existsById(agentId);
	}

	@Transactional
	public GroupView createGroup(String name, String description) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("name", "must be 1 to 100 characters");
		}
		if (this.groups.findByNameIgnoreCase(name.trim()).isPresent()) {
			throw new InvalidInputException("name", "is already taken");
		}
		return this.groups.save(new AgentGroup(name.trim(), description, this.clock.instant())).toView();
	}

	@Transactional
	public GroupView renameGroup(UUID groupId, String name, String description) {
		AgentGroup group = this.groups.findById(groupId).orElseThrow(() -> new NotFoundException("Group", groupId));
		group.rename(name, description);
		return group.toView();
	}

	@Transactional(readOnly = true)
	public List<GroupView> groups() {
		return this.groups.findAllByOrderByNameAsc().stream().map(AgentGroup::toView).toList();
	}

	@Transactional(readOnly = true)
	public Optional<GroupView> group(UUID groupId) {
		return this.groups.findById(groupId).map(AgentGroup::toView);
	}

	@Transactional(readOnly = true)
	public Optional<GroupView> groupByName(String name) {
		return this.groups.findByNameIgnoreCase(name).map(AgentGroup::toView);
	}

	@Transactional(readOnly = true)
	public List<AgentView> members(UUID groupId) {
		return this.agents.findByGroup(groupId).stream().map(this::toView).toList();
	}

	/**
	 * Issues an API token acting as the given agent. The value is returned once; only its
	 * SHA-256 hash is stored.
	 */
	@Transactional
	public IssuedToken issueToken(UUID agentId, String name) {
		load(agentId);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String value = "wd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return new IssuedToken(storeToken(agentId, name, value), value);
	}

	/**
	 * Stores a token whose value was chosen outside (the bootstrap admin token), unless
	 * it exists.
	 */
	@Transactional
	public void ensureToken(UUID agentId, String name, String value) {
		if (this.tokens.findByTokenHash(hash(value)).isEmpty()) {
			storeToken(agentId, name, value);
		}
	}

	private ApiTokenView storeToken(UUID agentId, String name, String value) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("name", "must be 1 to 100 characters");
		}
		ApiToken token = new ApiToken(agentId, name.trim(), hash(value),
				value.substring(0, Math.min(10, value.length())), this.clock.instant());
		return this.tokens.save(token).toView();
	}

	@Transactional
	public void revokeToken(UUID tokenId) {
		ApiToken token = this.tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("API token", tokenId));
		token.revoke(this.clock.instant());
		this.tokenCache.evictHash(token.tokenHash());
	}

	@Transactional(readOnly = true)
	public List<ApiTokenView> tokens() {
		return this.tokens.findAllByOrderByCreatedAtDesc().stream().map(ApiToken::toView).toList();
	}

	@Transactional(readOnly = true)
	public List<ApiTokenView> tokensOf(UUID agentId) {
		return this.tokens.findByAgentIdOrderByCreatedAtDesc(agentId).stream().map(ApiToken::toView).toList();
	}

	static String hash(String tokenValue) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void checkGroups(Set<UUID> groupIds) {
		Set<UUID> known = this.groups.findAllById(groupIds).stream().map(AgentGroup::id).collect(Collectors.toSet());
		if (!known.containsAll(groupIds)) {
			throw new InvalidInputException("groupIds", "contains an unknown group");
		}
	}

	private static void checkTimeZone(String timeZone) {
		try {
			ZoneId.of(timeZone);
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("timeZone", "is not a known time zone");
		}
	}

	private Agent load(UUID agentId) {
		return this.agents.findById(agentId).orElseThrow(() -> new NotFoundException("Agent", agentId));
	}

	AgentView toView(Agent agent) {
		Instant now = this.clock.instant();
		return new AgentView(agent.id(), agent.username(), agent.displayName(), agent.email(), agent.roles(),
				agent.languages(), agent.skills(), agent.groupIds(), agent.timeZone(), agent.enabled(),
				agent.totpEnabled(), agent.isLocked(now) ? agent.lockedUntil() : null, agent.createdAt());
	}

}
