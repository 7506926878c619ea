package io.walletdesk.customer;

import java.time.Instant;
import java.util.UUID;

import io.walletdesk.platform.NewAwareEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer_identity")
class CustomerIdentity extends NewAwareEntity {

	@Id
	private UUID id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "customer_id")
	private Customer customer;

	@Enumerated(EnumType.STRING)
	private IdentityKind kind;

	private String value;

	private Instant createdAt;

	protected CustomerIdentity() {
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	CustomerIdentity(Customer customer, IdentityKind kind, String value, Instant now) {
		this.id = UUID.randomUUID();
		this.customer = customer;
		this.kind = kind;
		this.value = kind.normalize(value);
		this.createdAt = now;
	}

	IdentityKind kind() {
		return this.kind;
	}

	String value() {
		return this.value;
	}

	void moveTo(Customer customer) {
		this.customer = customer;
	}

	CustomerView.Identity toView() {
		return new CustomerView.Identity(this.kind, this.value);
	}

}
