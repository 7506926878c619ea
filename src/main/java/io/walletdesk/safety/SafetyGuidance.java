package io.walletdesk.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Short security guidance for customers, in English and Chinese, read from
 * {@code safety/guidance/guidance_<language>.properties} on the class path.
 * <p>
 * Immutable and safe to share between threads.
 */
public final class SafetyGuidance {

	/** Never share a recovery phrase or private key. */
	public static final String NEVER_SHARE_MNEMONIC = "never-share-mnemonic";

	/** Support never asks for secrets, screen sharing or verification transfers. */
	public static final String SUPPORT_NEVER_ASKS = "support-never-asks";

	/** How to recognise a phishing site. */
	public static final String SPOT_PHISHING = "spot-phishing";

	/** How to recognise fake support accounts. */
	public static final String FAKE_SUPPORT_ACCOUNTS = "fake-support-accounts";

	/** How to revoke token approvals. */
	public static final String REVOKE_APPROVALS = "revoke-approvals";

	/** Move funds to a new wallet after a leak. */
	public static final String MOVE_FUNDS_AFTER_LEAK = "move-funds-after-leak";

	/** The automatic reply after a secret was redacted from a customer's message. */
	public static final String SECRET_REMOVED_REPLY = "secret-removed-reply";

	/** The warning that goes with a lookalike link. */
	public static final String PHISHING_LINK_WARNING = "phishing-link-warning";

	private static final String FALLBACK = "en";

	private static final String[] LANGUAGES = { "en", "zh" };

	private final Map<String, Properties> snippets = new LinkedHashMap<>();

	/**
	 * Loads the snippets of every supported language.
	 * @throws IllegalStateException when the English snippets are missing
	 */
	public SafetyGuidance() {
		for (String language : LANGUAGES) {
			Properties properties = read(language);
			if (properties != null) {
				this.snippets.put(language, properties);
			}
		}
		if (!this.snippets.containsKey(FALLBACK)) {
			throw new IllegalStateException("The English guidance is missing");
		}
	}

	/**
	 * A snippet in a language, or in English when there is none in that language.
	 * @param key one of the constants of this class
	 * @param language a language tag ({@code en}, {@code zh}, {@code zh-CN},
	 * {@code zh_TW}); null or unknown means English. Chinese of any region gets the
	 * simplified text.
	 * @return the snippet
	 * @throws IllegalArgumentException when no snippet has that key
	 */
	public String get(String key, String language) {
		Properties chosen = this.snippets.get(languageOf(language));
		String text = (chosen != null) ? chosen.getProperty(key) : null;
		if (text == null) {
			text = this.snippets.get(FALLBACK).getProperty(key);
		}
		if (text == null) {
			throw new IllegalArgumentException("No guidance snippet '" + key + "'");
		}
		return text;
	}

	/**
	 * The keys that have an English snippet.
	 * @return the keys, sorted
	 */
	public Set<String> keys() {
		return Collections.unmodifiableSet(new TreeSet<>(this.snippets.get(FALLBACK).stringPropertyNames()));
	}

	/**
	 * The languages that have snippets.
	 * @return language codes
	 */
	public Set<String> languages() {
		return Collections.unmodifiableSet(this.snippets.keySet());
	}

	private static String languageOf(String tag) {
		if (tag == null || tag.isBlank()) {
			return FALLBACK;
		}
		String lower = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		int dash = lower.indexOf('-');
		return (dash > 0) ? lower.substring(0, dash) : lower;
	}

	private static Properties read(String language) {
		String resource = "/safety/guidance/guidance_" + language + ".properties";
		try (InputStream in = SafetyGuidance.class.getResourceAsStream(resource)) {
			if (in == null) {
				return null;
			}
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
