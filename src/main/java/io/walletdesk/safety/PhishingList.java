package io.walletdesk.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A block list in the format of the public MetaMask-style phishing configuration: <pre>
 * {"version": 2, "tolerance": 2, "fuzzylist": ["brand.com"], "whitelist": ["ok.com"], "blacklist": ["evil.io"]}
 * </pre>
 *
 * @param blacklist domains that are phishing; their subdomains are too
 * @param whitelist domains that are never lookalikes, even when they resemble a brand
 * @param fuzzylist further brand domains to compare hosts against
 * @param tolerance largest edit distance at which a host resembles a fuzzylist brand
 */
public record PhishingList(Set<String> blacklist, Set<String> whitelist, List<String> fuzzylist, int tolerance) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A list that blocks nothing. */
	public static final PhishingList EMPTY = new PhishingList(Set.of(), Set.of(), List.of(), 2);

	public PhishingList {
		blacklist = normalise(blacklist);
		whitelist = normalise(whitelist);
		fuzzylist = List.copyOf(normalise(fuzzylist));
		if (tolerance < 0) {
			throw new IllegalArgumentException("Tolerance must not be negative");
		}
	}

	/**
	 * Reads a list; missing keys count as empty, a missing tolerance as 2.
	 * @param json the configuration
	 * @return the list
	 * @throws IllegalArgumentException when the text is not such a JSON object
	 */
	public static PhishingList parse(String json) {
		try {
			return from(JSON.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not a phishing configuration: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Reads a list from a stream, which is left open.
	 * @param json the configuration, UTF-8
	 * @return the list
	 * @throws IllegalArgumentException when the content is not such a JSON object
	 */
	public static PhishingList parse(InputStream json) {
		try {
			return parse(new String(json.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PhishingList from(JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("Not a phishing configuration: expected a JSON object");
		}
		JsonNode tolerance = root.get("tolerance");
		return new PhishingList(Set.copyOf(strings(root, "blacklist")), Set.copyOf(strings(root, "whitelist")),
				strings(root, "fuzzylist"), (tolerance != null && tolerance.isNumber()) ? tolerance.asInt() : 2);
	}

	private static List<String> strings(JsonNode root, String key) {
		List<String> values = new ArrayList<>();
		JsonNode array = root.get(key);
		if (array != null && array.isArray()) {
			for (JsonNode item : array) {
				if (item.isString()) {
					values.add(item.asString());
				}
			}
		}
		return values;
	}

	private static Set<String> normalise(Collection<String> domains) {
		Set<String> result = new LinkedHashSet<>();
		if (domains != null) {
			for (String domain : domains) {
				String d = (domain != null) ? domain.strip().toLowerCase(Locale.ROOT) : "";
				while (d.endsWith(".")) {
					d = d.substring(0, d.length() - 1);
				}
				if (!d.isEmpty()) {
					result.add(d);
				}
			}
		}
		return Collections.unmodifiableSet(result);
	}

}
