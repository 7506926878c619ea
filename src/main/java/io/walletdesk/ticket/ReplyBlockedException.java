package io.walletdesk.ticket;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.walletdesk.platform.ProblemException;

/**
 * The outgoing guard refused a reply: it asks for a secret, remote access or a
 * "verification" transfer, or contains a secret. Answered as 422 with the reasons; the
 * attempt is audited.
 */
public class ReplyBlockedException extends ProblemException {

	private final List<String> reasons;

	public ReplyBlockedException(List<String> reasons) {
		super(422, URI.create("https://walletdesk.io/problems/reply-blocked"), "Reply blocked",
				"This reply was blocked because it "
						+ String.join("; ", reasons.stream().map(ReplyBlockedException::explain).toList())
						+ ". Support never asks customers for their recovery phrase, private keys, passwords or remote access.",
				Map.of("reasons", reasons));
		this.reasons = List.copyOf(reasons);
	}

	public List<String> reasons() {
		return this.reasons;
	}

	private static String explain(String reason) {
		return switch (reason) {
			case "secret_request" -> "asks for a recovery phrase, private key, keystore or wallet password";
			case "remote_access" -> "asks for screen sharing or remote access";
			case "verification_transfer" -> "asks for a \"verification\" transfer";
			case "contains_secret" -> "contains a recovery phrase or private key";
			default -> reason;
		};
	}

}
