package io.walletdesk.safety;

/**
 * What a link in a message is, measured against the company's official domains.
 */
public enum LinkVerdict {

	/** The official domain or one of its subdomains. */
	OFFICIAL("official"),

	/** Made to pass for an official domain or a known brand, or otherwise deceptive. */
	LOOKALIKE("lookalike"),

	/** Any other site. */
	UNRELATED("unrelated");

	private final String code;

	LinkVerdict(String code) {
		this.code = code;
	}

	/**
	 * The stable lower-case name used in APIs and stored data.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

}
