package io.walletdesk.channel.phone;

import java.util.List;

import io.walletdesk.platform.InvalidInputException;

/**
 * One reason a call cannot be logged: the field and a stable code. The API answers with
 * the English text, the console with the message {@code calls.error.<code>} in the
 * agent's language.
 */
record CallProblem(String field, String code) {

	/** Every code, for the console's message bundles. */
	static final List<String> CODES = List.of("required", "number", "direction", "duration", "tooLong", "https",
			"inbox", "ticket", "closed", "future");

	String text() {
		return switch (this.code) {
			case "required" -> "must not be blank";
			case "number" -> "must be a phone number in international form, such as +8613812345678";
			case "direction" -> "must be inbound or outbound";
			case "duration" -> "must be between 0 and 86400 seconds";
			case "tooLong" -> "is too long";
			case "https" -> "must be an https:// link";
			case "inbox" -> "is not an enabled phone inbox";
			case "ticket" -> "is not a known ticket";
			case "closed" -> "names a closed ticket";
			case "future" -> "must not be in the future";
			case "event" -> "must be ringing, answered or ended";
			default -> this.code;
		};
	}

	static InvalidInputException toException(List<CallProblem> problems) {
		return new InvalidInputException(problems.stream()
			.map(problem -> new InvalidInputException.FieldProblem(problem.field(), problem.text()))
			.toList());
	}

}
