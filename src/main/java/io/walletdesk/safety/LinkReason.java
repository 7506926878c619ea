package io.walletdesk.safety;

/**
 * Why a link was judged a {@link LinkVerdict#LOOKALIKE}.
 */
public enum LinkReason {

	/** On the imported block list. */
	BLOCKLIST("blocklist"),

	/** The host is a raw IPv4 or IPv6 address, in any notation. */
	RAW_IP("raw_ip"),

	/**
	 * An official-looking name before an {@code @}: {@code https://brand.com@evil.io}.
	 */
	USERINFO_TRICK("userinfo_trick"),

	/**
	 * Internationalised (xn--) name that looks like a brand: {@code xn--brnd-7cd.com}.
	 */
	PUNYCODE("punycode"),

	/**
	 * Characters that look alike: {@code rn} for {@code m}, digit 0 for o, Cyrillic а for
	 * Latin a.
	 */
	HOMOGLYPH("homoglyph"),

	/**
	 * The brand or its domain in front of another domain:
	 * {@code brand.com.verify-login.io}.
	 */
	SUBDOMAIN_TRICK("subdomain_trick"),

	/** A brand name one or two edits away: {@code brnad.com}. */
	TYPOSQUAT("typosquat"),

	/** The brand with words or hyphens added: {@code brand-support.com}. */
	EXTRA_WORDS("extra_words"),

	/**
	 * The brand under another top-level domain: {@code brand.io} when {@code brand.com}
	 * is official.
	 */
	OTHER_TLD("other_tld");

	private final String code;

	LinkReason(String code) {
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
