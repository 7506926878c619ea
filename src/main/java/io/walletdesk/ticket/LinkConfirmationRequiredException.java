package io.walletdesk.ticket;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.walletdesk.platform.ProblemException;

/**
 * An agent's reply links to domains that are not official; the agent must confirm them
 * before it is sent (API: {@code "confirmLinks": true}). Answered as 409 listing the
 * links.
 */
public class LinkConfirmationRequiredException extends ProblemException {

	private final List<String> links;

	public LinkConfirmationRequiredException(List<String> links) {
		super(409, URI.create("https://walletdesk.io/problems/link-confirmation"), "Links need confirmation",
				"The reply links to sites that are not official (" + String.join(", ", links)
						+ "). Confirm these links to send it.",
				Map.of("links", links));
		this.links = List.copyOf(links);
	}

	public List<String> links() {
		return this.links;
	}

}
