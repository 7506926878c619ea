package io.walletdesk.channel;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.walletdesk.platform.InvalidInputException.FieldProblem;
import io.walletdesk.platform.ProblemException;

/**
 * A channel request with one or more invalid fields, answered as 400 with every offending
 * field under {@code errors}, in the same shape as the REST API's validation problems.
 * Channel endpoints read their body as bytes (the signature covers the exact bytes), so
 * they validate after parsing rather than through {@code @Valid}.
 */
public class InvalidRequestException extends ProblemException {

	public InvalidRequestException(List<FieldProblem> errors) {
		super(400, URI.create("https://walletdesk.io/problems/validation"), "Invalid request",
				"The request has invalid fields.", Map.of("errors", List.copyOf(errors)));
	}

	public static InvalidRequestException of(String field, String message) {
		return new InvalidRequestException(List.of(new FieldProblem(field, message)));
	}

}
