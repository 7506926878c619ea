package io.walletdesk.platform;

import java.net.URI;
import java.util.Map;

/**
 * A refusal that carries its own problem-detail status, type and extra properties, for
 * rules whose answer needs more than a message (the reasons a reply was blocked, the
 * links to confirm).
 */
public abstract class ProblemException extends RuntimeException {

	private final int status;

	private final URI type;

	private final String title;

	private final Map<String, Object> properties;

	protected ProblemException(int status, URI type, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.properties = Map.copyOf(properties);
	}

	public int status() {
		return this.status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
