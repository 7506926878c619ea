package io.walletdesk.identity;

import java.time.Instant;
import java.util.UUID;

import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "agent_group")
class AgentGroup extends NewAwareEntity {

	@Id
	private UUID id;

	private String name;

	private String description;

	private Instant createdAt;

	protected AgentGroup() {
	}

	AgentGroup(String name, String description, Instant now) {
		this.id = UUID.randomUUID();
		this.createdAt = now;
		rename(name, description);
	}

	void rename(String name, String description) {
		this.name = name;
		this.description = description == null ? "" : description;
	}

	UUID id() {
		return this.id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	GroupView toView() {
		return new GroupView(this.id, this.name, this.description);
	}

}
