package io.walletdesk.platform;

import java.util.UUID;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * Base for entities whose UUID is assigned in code. Without it Spring Data cannot tell a
 * new entity from a detached one and merges it, which costs a SELECT before every INSERT
 * on the hot intake path.
 */
@MappedSuperclass
public abstract class NewAwareEntity implements Persistable<UUID> {

	@Transient
	private boolean fresh = true;

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.fresh = false;
	}

}
