package io.walletdesk.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer with their identities. {@code mergedInto} is set when this record was merged
 * into another and only forwards there.
 */
public record CustomerView(UUID id, String displayName, String preferredLanguage, String timeZone, String tier,
		String notes, List<Identity> identities, UUID mergedInto, Instant createdAt, Instant updatedAt) {

	/**
	 * One handle by which the customer is known on a channel.
	 */
	public record Identity(IdentityKind kind, String value) {
	}

	public String email() {
		return this.identities.stream()
			.filter(i -> i.kind() == IdentityKind.EMAIL)
			.map(Identity::value)
			.findFirst()
			.orElse(null);
	}

}
