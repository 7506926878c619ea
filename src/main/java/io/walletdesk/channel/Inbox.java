package io.walletdesk.channel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "channel_inbox")
class Inbox extends NewAwareEntity {

	@Id
	private UUID id;

	private String kind;

	private String name;

	private String publicKey;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, String> settings = new LinkedHashMap<>();

	private boolean enabled;

	private UUID groupId;

	private Instant createdAt;

	protected Inbox() {
	}

	Inbox(String kind, String name, String publicKey, Map<String, String> settings, UUID groupId, Instant now) {
		this.id = UUID.randomUUID();
		this.kind = kind;
		this.publicKey = publicKey;
		this.enabled = true;
		this.createdAt = now;
		configure(name, settings, groupId);
	}

	void configure(String name, Map<String, String> settings, UUID groupId) {
		this.name = name;
		this.settings = new LinkedHashMap<>(settings == null ? Map.of() : settings);
		this.groupId = groupId;
	}

	void enable(boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	String kind() {
		return this.kind;
	}

	InboxView toView() {
		return new InboxView(this.id, this.kind, this.name, this.publicKey, Map.copyOf(this.settings), this.enabled,
				this.groupId, this.createdAt);
	}

}
