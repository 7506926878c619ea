package io.walletdesk.channel;

import java.net.URI;
import java.util.Map;

import io.walletdesk.platform.ProblemException;

/**
 * A signed channel request failed verification: missing or malformed headers, a timestamp
 * outside the window, a wrong signature or a nonce seen before. Answered as 401 with the
 * reason; nothing of the request is stored.
 */
public class SignatureRejectedException extends ProblemException {

	public SignatureRejectedException(String reason, String detail) {
		super(401, URI.create("https://walletdesk.io/problems/signature-rejected"), "Signature rejected", detail,
				Map.of("reason", reason));
	}

}
