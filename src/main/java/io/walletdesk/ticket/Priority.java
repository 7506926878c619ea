package io.walletdesk.ticket;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.walletdesk.platform.InvalidInputException;

/**
 * How soon a ticket needs attention (see the triage label taxonomy).
 */
public enum Priority {

	URGENT, HIGH, NORMAL, LOW;

	/** The identifier used in the API, the database and reports. */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException for an unknown identifier
	 */
	@JsonCreator
	public static Priority fromId(String id) {
		return Arrays.stream(values())
			.filter(value -> value.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("priority",
					"must be one of " + Arrays.stream(values()).map(Priority::id).toList()));
	}

}
