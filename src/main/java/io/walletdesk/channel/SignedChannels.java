package io.walletdesk.channel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.walletdesk.platform.InvalidInputException.FieldProblem;
import io.walletdesk.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The inbound side of the channels built on {@link RequestSignatures} (in-app API, signed
 * webhook channel): finding the inbox a signed request addresses and verifying it with
 * the inbox's secret, and reading and validating its JSON body. The outbound side is
 * {@link SignedWebhooks}.
 */
@Component
public class SignedChannels {

	private final InboxManagement inboxes;

	private final RequestSignatures signatures;

	private final SignedWebhooks webhooks;

	private final Validator validator;

	private final JsonMapper json = JsonMapper.builder().build();

	SignedChannels(InboxManagement inboxes, RequestSignatures signatures, SignedWebhooks webhooks,
			Validator validator) {
		this.inboxes = inboxes;
		this.signatures = signatures;
		this.webhooks = webhooks;
		this.validator = validator;
	}

	/**
	 * Finds the enabled inbox of this kind with this public key and verifies the
	 * request's signature with its secret (consuming the nonce).
	 * @param request the request, whose path and query are signed exactly as the client
	 * addressed them
	 * @throws NotFoundException when no enabled inbox of the kind has this key
	 * @throws SignatureRejectedException when the signature does not verify
	 */
	public InboxView verify(String kind, String publicKey, HttpServletRequest request, HttpHeaders headers,
			byte[] body) {
		InboxView inbox = this.inboxes.byPublicKey(publicKey)
			.filter(found -> kind.equals(found.kind()) && found.enabled())
			.orElseThrow(() -> new NotFoundException("Inbox", publicKey));
		String pathAndQuery = request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		this.signatures.verify(inbox.id(), this.webhooks.secret(inbox.settings()).orElse(null), request.getMethod(),
				pathAndQuery, headers, body);
		return inbox;
	}

	/**
	 * Reads a JSON body into a record and checks its constraints.
	 * @throws InvalidRequestException when the body is not JSON of that shape, or every
	 * field that breaks a constraint
	 */
	public <T> T read(byte[] body, Class<T> type) {
		T value = parse(body, type);
		List<FieldProblem> problems = problems(value);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return value;
	}

	/**
	 * Reads a JSON body into a record without checking its constraints, for callers that
	 * add checks of their own and report all problems at once.
	 * @throws InvalidRequestException when the body is not JSON of that shape
	 */
	public <T> T parse(byte[] body, Class<T> type) {
		T value;
		try {
			value = this.json.readValue(body == null ? new byte[0] : body, type);
		}
		catch (JacksonException ex) {
			throw InvalidRequestException.of("body", "must be a JSON object of the documented shape");
		}
		if (value == null) {
			throw InvalidRequestException.of("body", "must be a JSON object of the documented shape");
		}
		return value;
	}

	/**
	 * The constraint violations of a value as field problems, one per field, sorted by
	 * field.
	 */
	public List<FieldProblem> problems(Object value) {
		Set<ConstraintViolation<Object>> violations = this.validator.validate(value);
		// One entry per field, so a client can map errors onto its form fields.
		Map<String, String> byField = new TreeMap<>();
		violations.forEach(violation -> byField.merge(violation.getPropertyPath().toString(), violation.getMessage(),
				(a, b) -> a.compareTo(b) <= 0 ? a + "; " + b : b + "; " + a));
		return byField.entrySet().stream().map(entry -> new FieldProblem(entry.getKey(), entry.getValue())).toList();
	}

}
