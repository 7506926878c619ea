package io.walletdesk.identity;

import java.time.Instant;
import java.util.UUID;

import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "agent_recovery_code")
class RecoveryCode extends NewAwareEntity {

	@Id
	private UUID id;

	private UUID agentId;

	private String codeHash;

	private Instant usedAt;

	protected RecoveryCode() {
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	RecoveryCode(UUID agentId, String codeHash) {
		this.id = UUID.randomUUID();
		this.agentId = agentId;
		this.codeHash = codeHash;
	}

	String codeHash() {
		return this.codeHash;
	}

	boolean isUnused() {
		return this.usedAt == null;
	}

	void use(Instant now) {
		if (this.usedAt != null) {
			throw new IllegalStateException("This recovery code was already used");
		}
		this.usedAt = now;
	}

}
