package io.walletdesk.ticket;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.walletdesk.platform.InvalidInputException;

/**
 * Whether the customer sees a message (public reply) or only agents do (internal note).
 */
public enum Visibility {

	PUBLIC, INTERNAL;

	/** The identifier used in the API, the database and reports. */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException for an unknown identifier
	 */
	@JsonCreator
	public static Visibility fromId(String id) {
		return Arrays.stream(values())
			.filter(value -> value.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("visibility",
					"must be one of " + Arrays.stream(values()).map(Visibility::id).toList()));
	}

}
