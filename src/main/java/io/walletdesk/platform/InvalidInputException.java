package io.walletdesk.platform;

import java.util.List;

/**
 * Input that passed bean validation but breaks a business rule (an unknown category, an
 * agent that does not exist); answered as 400 with the offending fields.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> fields;

	public InvalidInputException(String field, String message) {
		super(field + ": " + message);
		this.fields = List.of(new FieldProblem(field, message));
	}

	/**
	 * @param fields every offending field, at least one
	 */
	public InvalidInputException(List<FieldProblem> fields) {
		super(fields.stream()
			.map(field -> field.field() + ": " + field.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("invalid input"));
		this.fields = List.copyOf(fields);
	}

	public List<FieldProblem> fields() {
		return this.fields;
	}

	/**
	 * One invalid field of a request.
	 */
	public record FieldProblem(String field, String message) {
	}

}
