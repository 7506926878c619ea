package io.walletdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves bearer tokens to agents without a database round trip on every request.
 * Entries live 30 seconds, so a token revoked on another node stops working within that
 * time; on this node it stops at once. Last-used times are written at most once a minute
 * per token.
 */
@Component
class TokenCache {

	private static final Duration TTL = Duration.ofSeconds(30);

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final ApiTokens tokens;

	private final Agents agents;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	TokenCache(ApiTokens tokens, Agents agents, TransactionTemplate transactions, Clock clock) {
		this.tokens = tokens;
		this.agents = agents;
		this.transactions = transactions;
		this.clock = clock;
	}

	Optional<AgentPrincipal> resolve(String tokenValue) {
		String hash = AgentManagement.hash(tokenValue);
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(hash);
		if (entry == null || entry.expiresAt.isBefore(now)) {
			entry = load(hash, now);
			if (this.entries.size() > 10_000) {
				this.entries.clear();
			}
			this.entries.put(hash, entry);
		}
		if (entry.principal != null && entry.touchedAt.plus(TOUCH_INTERVAL).isBefore(now)) {
			Entry touched = entry;
			touched.touchedAt = now;
			this.transactions.executeWithoutResult(status -> this.tokens.touch(touched.tokenId, now));
		}
		return Optional.ofNullable(entry.principal);
	}

	private Entry load(String hash, Instant now) {
		return this.transactions.execute(status -> this.tokens.findByTokenHash(hash)
			.filter(ApiToken::isActive)
			.flatMap(token -> this.agents.findById(token.agentId())
				.filter(Agent::enabled)
				.map(agent -> new Entry(token.id(), agent.id(), credentialless(agent.toPrincipal(now)), now.plus(TTL),
						token.lastUsedAt() == null ? Instant.EPOCH : token.lastUsedAt())))
			.orElseGet(() -> new Entry(null, null, null, now.plus(TTL), now)));
	}

	private static AgentPrincipal credentialless(AgentPrincipal principal) {
		principal.eraseCredentials();
		return principal;
	}

	void evictHash(String hash) {
		this.entries.remove(hash);
	}

	void evictAgent(UUID agentId) {
		this.entries.values().removeIf(entry -> agentId.equals(entry.agentId));
	}

	private static final class Entry {

		final UUID tokenId;

		final UUID agentId;

		final AgentPrincipal principal;

		final Instant expiresAt;

		volatile Instant touchedAt;

		Entry(UUID tokenId, UUID agentId, AgentPrincipal principal, Instant expiresAt, Instant touchedAt) {
			this.tokenId = tokenId;
			this.agentId = agentId;
			this.principal = principal;
			this.expiresAt = expiresAt;
			this.touchedAt = touchedAt;
		}

	}

}
