package io.walletdesk.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "customer")
class Customer {

	@Id
	private UUID id;

	private String displayName;

	private String preferredLanguage;

	private String timeZone;

	private String tier;

	private String notes;

	private UUID mergedInto;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<CustomerIdentity> identities = new ArrayList<>();

	protected Customer() {
	}

	Customer(String displayName, String preferredLanguage, String timeZone, Instant now) {
		this.id = UUID.randomUUID();
		this.displayName = displayName;
		this.preferredLanguage = preferredLanguage;
		this.timeZone = timeZone;
		this.tier = "standard";
		this.notes = "";
		this.createdAt = now;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	boolean isMerged() {
		return this.mergedInto != null;
	}

	UUID mergedInto() {
		return this.mergedInto;
	}

	List<CustomerIdentity> identities() {
		return this.identities;
	}

	void addIdentity(IdentityKind kind, String value, Instant now) {
		String normalized = kind.normalize(value);
		boolean known = this.identities.stream().anyMatch(i -> i.kind() == kind && i.value().equals(normalized));
		if (!known) {
			this.identities.add(new CustomerIdentity(this, kind, normalized, now));
			this.updatedAt = now;
		}
	}

	void update(String displayName, String preferredLanguage, String timeZone, String tier, String notes, Instant now) {
		requireActive();
		if (displayName != null) {
			this.displayName = displayName;
		}
		if (preferredLanguage != null) {
			this.preferredLanguage = preferredLanguage;
		}
		if (timeZone != null) {
			this.timeZone = timeZone;
		}
		if (tier != null) {
			this.tier = tier;
		}
		if (notes != null) {
			this.notes = notes;
		}
		this.updatedAt = now;
	}

	/**
	 * Moves this customer's identities to the survivor and leaves a forwarding mark.
	 */
	void mergeInto(Customer survivor, Instant now) {
		requireActive();
		survivor.requireActive();
		if (survivor.id.equals(this.id)) {
			throw new IllegalStateException("A customer cannot be merged into itself");
		}
		for (CustomerIdentity identity : List.copyOf(this.identities)) {
			this.identities.remove(identity);
			identity.moveTo(survivor);
			survivor.identities.add(identity);
		}
		if (survivor.preferredLanguage == null) {
			survivor.preferredLanguage = this.preferredLanguage;
		}
		if (survivor.timeZone == null) {
			survivor.timeZone = this.timeZone;
		}
		if (!this.notes.isBlank()) {
			survivor.notes = survivor.notes.isBlank() ? this.notes : survivor.notes + "\n\n" + this.notes;
		}
		this.mergedInto = survivor.id;
		this.updatedAt = now;
		survivor.updatedAt = now;
	}

	private void requireActive() {
		if (this.mergedInto != null) {
			throw new IllegalStateException("Customer " + this.id + " was merged into " + this.mergedInto);
		}
	}

	CustomerView toView() {
		return new CustomerView(this.id, this.displayName, this.preferredLanguage, this.timeZone, this.tier, this.notes,
				this.identities.stream().map(CustomerIdentity::toView).toList(), this.mergedInto, this.createdAt,
				this.updatedAt);
	}

}
