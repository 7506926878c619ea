package io.walletdesk.customer;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of handle by which a customer is recognised on a channel.
 */
public enum IdentityKind {

	EMAIL, PHONE, TELEGRAM, WECHAT, APP_USER, WEB_VISITOR;

	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static IdentityKind fromId(String id) {
		return Arrays.stream(values())
			.filter(kind -> kind.id().equalsIgnoreCase(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown identity kind " + id));
	}

	/**
	 * The canonical form of a handle, so that the same person is found whatever the case
	 * or spacing.
	 */
	public String normalize(String value) {
		String trimmed = value.trim();
		return switch (this) {
			case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
			case PHONE -> trimmed.replaceAll("[\\s().-]", "");
			default -> trimmed;
		};
	}

}
