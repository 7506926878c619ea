package io.walletdesk.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A customer to create, with at least a name or one identity.
 */
public record NewCustomer(@Size(max = 200) String displayName, @Size(max = 16) String preferredLanguage,
		@Size(max = 64) String timeZone, @Valid List<IdentityInput> identities) {

	public NewCustomer {
		identities = identities == null ? List.of() : List.copyOf(identities);
	}

	/**
	 * An identity as given by a caller.
	 */
	public record IdentityInput(@NotNull IdentityKind kind, @NotBlank @Size(max = 320) String value) {
	}

}
