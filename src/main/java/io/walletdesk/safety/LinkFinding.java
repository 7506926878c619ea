package io.walletdesk.safety;

import java.util.Objects;

/**
 * One link or bare domain found in a text, and what it is.
 *
 * @param url the link as written, without surrounding punctuation
 * @param start offset of its first character in the scanned text (inclusive)
 * @param end offset after its last character (exclusive)
 * @param host the host it leads to, lower case, international names in their xn-- form
 * @param verdict official, lookalike or unrelated
 * @param reason why it is a lookalike; null for other verdicts
 * @param resembles the official or brand domain it imitates; null when none
 */
public record LinkFinding(String url, int start, int end, String host, LinkVerdict verdict, LinkReason reason,
		String resembles) {

	public LinkFinding {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(verdict, "verdict");
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("Empty or negative span " + start + ".." + end);
		}
	}

}
