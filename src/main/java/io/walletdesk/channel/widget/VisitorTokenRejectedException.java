package io.walletdesk.channel.widget;

import java.net.URI;
import java.util.Map;

import io.walletdesk.platform.ProblemException;

/**
 * A visitor token that is malformed, expired, signed with another key or issued for
 * another inbox. Answered 401; the widget then starts a new visitor session.
 */
class VisitorTokenRejectedException extends ProblemException {

	VisitorTokenRejectedException(String detail) {
		super(401, URI.create("https://walletdesk.io/problems/visitor-token-rejected"), "Visitor token rejected",
				detail, Map.of());
	}

}
