package io.walletdesk.ticket;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.walletdesk.platform.InvalidInputException;

/**
 * What a ticket is about (identifiers from the triage label taxonomy).
 */
public enum Category {

	WALLET_SETUP, ACCOUNT_ACCESS, TRANSFER, TRADING, ASSET_DISPLAY, DAPP, SECURITY_INCIDENT, SECURITY_ADVICE, FEEDBACK,
	OTHER;

	/** The identifier used in the API, the database and reports. */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException for an unknown identifier
	 */
	@JsonCreator
	public static Category fromId(String id) {
		return Arrays.stream(values())
			.filter(value -> value.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("category",
					"must be one of " + Arrays.stream(values()).map(Category::id).toList()));
	}

}
