package io.walletdesk.safety;

import java.util.List;
import java.util.Objects;

/**
 * What a scan found.
 *
 * @param redactedText the text with every secret replaced by its placeholder and nothing
 * else changed
 * @param secrets the secrets, ordered by position, never overlapping, with offsets into
 * the original text
 * @param links the links outside the secrets, ordered by position, with offsets into the
 * original text
 */
public record ScanResult(String redactedText, List<SecretFinding> secrets, List<LinkFinding> links) {

	public ScanResult {
		Objects.requireNonNull(redactedText, "redactedText");
		secrets = List.copyOf(secrets);
		links = List.copyOf(links);
	}

	/**
	 * Whether any secret was found.
	 * @return true when the text held a secret
	 */
	public boolean hasSecrets() {
		return !this.secrets.isEmpty();
	}

	/**
	 * Whether any link is a lookalike.
	 * @return true when a link imitates an official or brand domain
	 */
	public boolean hasLookalikeLinks() {
		return this.links.stream().anyMatch((link) -> link.verdict() == LinkVerdict.LOOKALIKE);
	}

}
