package io.walletdesk.platform;

import java.util.List;
import java.util.stream.Collectors;

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
	 * Several invalid fields at once, so a form can show every problem in one answer.
	 */
	public InvalidInputException(List<FieldProblem> fields) {
		super(fields.stream().map(field -> field.field() + ": " + field.message()).collect(Collectors.joining("; ")));
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
