package io.walletdesk.ticket;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.walletdesk.platform.InvalidInputException;

/**
 * Who wrote a message.
 */
public enum AuthorKind {

	CUSTOMER, AGENT, BOT, SYSTEM;

	/** The identifier used in the API, the database and reports. */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException for an unknown identifier
	 */
	@JsonCreator
	public static AuthorKind fromId(String id) {
		return Arrays.stream(values())
			.filter(value -> value.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("authorKind",
					"must be one of " + Arrays.stream(values()).map(AuthorKind::id).toList()));
	}

}
