package io.walletdesk.identity;

import java.time.Instant;
import java.util.UUID;

import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_token")
class ApiToken extends NewAwareEntity {

	@Id
	private UUID id;

	private UUID agentId;

	private String name;

	private String tokenHash;

	private String tokenPrefix;

	private Instant createdAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(UUID agentId, String name, String tokenHash, String tokenPrefix, Instant now) {
		this.id = UUID.randomUUID();
		this.agentId = agentId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = now;
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	UUID agentId() {
		return this.agentId;
	}

	String tokenHash() {
		return this.tokenHash;
	}

	boolean isActive() {
		return this.revokedAt == null;
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	void markUsed(Instant now) {
		this.lastUsedAt = now;
	}

	ApiTokenView toView() {
		return new ApiTokenView(this.id, this.agentId, this.name, this.tokenPrefix, this.createdAt, this.lastUsedAt,
				this.revokedAt);
	}

}
