package io.walletdesk.safety;

import java.util.Objects;

/**
 * One secret found in a text.
 * <p>
 * Deliberately carries no part of the secret itself, only where it was, so that findings
 * may be logged, stored and shown to agents.
 *
 * @param type what kind of secret
 * @param start offset of its first character in the scanned text (inclusive)
 * @param end offset after its last character (exclusive)
 * @param words number of words for a mnemonic as written, 0 for other kinds
 * @param certainty how sure the scanner is
 */
public record SecretFinding(SecretType type, int start, int end, int words, Certainty certainty) {

	public SecretFinding {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(certainty, "certainty");
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("Empty or negative span " + start + ".." + end);
		}
	}

	/**
	 * The text that replaces this secret.
	 * @return the placeholder
	 */
	public String placeholder() {
		return this.type.placeholder(this.words);
	}

	boolean overlaps(SecretFinding other) {
		return this.start < other.end && other.start < this.end;
	}

	int length() {
		return this.end - this.start;
	}

}
