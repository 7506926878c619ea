package io.walletdesk.identity;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Everything needed to create an agent. {@code languages} keeps its order; the first is
 * the console language.
 */
public record NewAgent(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9._-]+") String username,
		@NotBlank @Size(max = 120) String displayName, @Email @Size(max = 254) String email,
		@NotBlank @Size(min = 10, max = 200) String password, @NotEmpty Set<Role> roles, Set<String> languages,
		Set<String> skills, Set<UUID> groupIds, String timeZone) {

	public NewAgent {
		// In the given order: the first language is the agent's console language.
		languages = languages == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(languages));
		skills = skills == null ? Set.of() : Set.copyOf(skills);
		groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
		timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
	}

}
