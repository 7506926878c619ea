package io.walletdesk.safety.internal;

import java.security.MessageDigest;

/**
 * The state of one scan: the text, a digest and the budget of checksum trials, and the
 * look-ups of context words near a candidate. Not thread-safe: each scan makes its own.
 */
public final class ScanContext {

	/**
	 * Most checksum trials one scan may spend on repairing near-miss phrases. A missing
	 * word in a 24-word phrase costs up to 2048 x 24 trials; the bound keeps a hostile
	 * message from costing more than a few milliseconds.
	 */
	static final int REPAIR_BUDGET = 60_000;

	private static final int MNEMONIC_CONTEXT_CHARS = 100;

	private static final int KEY_CONTEXT_BEFORE = 48;

	private static final int KEY_CONTEXT_AFTER = 24;

	private static final String[] MNEMONIC_TERMS = { "助记词", "助记码", "私钥", "密钥", "秘钥", "种子", "恢复短语", "恢复词", "seed phrase",
			"seed words", "seed", "recovery phrase", "recovery words", "backup phrase", "mnemonic", "secret phrase",
			"12 words", "24 words", "12-word", "24-word", "twelve words", "twenty-four words" };

	private static final String[] KEY_TERMS = { "private key", "private-key", "private_key", "privatekey", "privkey",
			"priv", "secret key", "key:", "key：", "key =", "key=", "私钥", "密钥", "秘钥" };

	private static final String[] TRANSACTION_TERMS = { "txid", "tx id", "tx hash", "txhash", "tx", "transaction",
			"hash", "signature", "交易", "哈希", "区块", "签名", "订单", "block" };

	private final String text;

	private MessageDigest sha256;

	private int repairBudget = REPAIR_BUDGET;

	public ScanContext(String text) {
		this.text = text;
	}

	public String text() {
		return this.text;
	}

	MessageDigest sha256() {
		if (this.sha256 == null) {
			this.sha256 = Bip39.newSha256();
		}
		return this.sha256;
	}

	/**
	 * Takes one checksum trial from the repair budget.
	 * @return false once the budget is spent
	 */
	boolean spendRepair() {
		return this.repairBudget-- > 0;
	}

	/**
	 * Whether a word run starting at {@code offset} is announced by a mnemonic context
	 * word (助记词, seed phrase, 12 words, ...) in the 100 characters before it, at most two
	 * line breaks away.
	 * @param offset where the run starts
	 * @return true when announced
	 */
	boolean announcesMnemonic(int offset) {
		int from = Math.max(0, offset - MNEMONIC_CONTEXT_CHARS);
		int breaks = 0;
		for (int i = offset - 1; i >= from; i--) {
			if (this.text.charAt(i) == '\n' && ++breaks > 2) {
				from = i + 1;
				break;
			}
		}
		return nearest(MNEMONIC_TERMS, from, offset, offset) >= 0;
	}

	/**
	 * Whether a mnemonic context word introduces the text at {@code offset} directly:
	 * only blanks, colons, quotes, 是/为/如下 and at most one line break stand between them,
	 * as in {@code 助记词：} or {@code my seed phrase is}.
	 * @param offset where the candidate starts
	 * @return true when introduced
	 */
	boolean introducesMnemonic(int offset) {
		int i = offset;
		int breaks = 0;
		while (i > 0 && offset - i < 24) {
			char c = this.text.charAt(i - 1);
			if (c == '\n' && ++breaks > 1) {
				return false;
			}
			if (Character.isWhitespace(c) || ":：\"“”「」'-—是为為如下".indexOf(c) >= 0) {
				i--;
			}
			else {
				break;
			}
		}
		for (String term : MNEMONIC_TERMS) {
			int at = i - term.length();
			if (at >= 0 && matchesAt(term, at)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The end of the last mnemonic context word that starts in a range.
	 * @param from start of the range
	 * @param to end of the range
	 * @return the end offset, or -1 when none starts there
	 */
	int mnemonicTermEnd(int from, int to) {
		int best = -1;
		for (String term : MNEMONIC_TERMS) {
			for (int i = from; i < to && i + term.length() <= this.text.length(); i++) {
				if (matchesAt(term, i)) {
					best = Math.max(best, i + term.length());
				}
			}
		}
		return best;
	}

	/**
	 * Which kind of context word is nearest to a candidate key: private-key words (私钥,
	 * private key, key:) or transaction words (交易, txid, hash); looks 48 characters
	 * before and 24 after it.
	 * @param start where the candidate starts
	 * @param end where it ends
	 * @return the nearest kind
	 */
	KeyContext keyContext(int start, int end) {
		int from = Math.max(0, start - KEY_CONTEXT_BEFORE);
		int to = Math.min(this.text.length(), end + KEY_CONTEXT_AFTER);
		int key = Math.min(distance(KEY_TERMS, from, start, start, true), distance(KEY_TERMS, end, to, end, false));
		int tx = Math.min(distance(TRANSACTION_TERMS, from, start, start, true),
				distance(TRANSACTION_TERMS, end, to, end, false));
		if (key == Integer.MAX_VALUE && tx == Integer.MAX_VALUE) {
			return KeyContext.NONE;
		}
		return (key <= tx) ? KeyContext.KEY : KeyContext.TRANSACTION;
	}

	private int distance(String[] terms, int from, int to, int anchor, boolean before) {
		int best = Integer.MAX_VALUE;
		for (int i = from; i < to; i++) {
			char c = this.text.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + 32);
			}
			for (String term : terms) {
				// The first character rules out nearly every position before the full
				// comparison.
				if (term.charAt(0) == c && i + term.length() <= to && matchesAt(term, i)) {
					int d = before ? anchor - (i + term.length()) : i - anchor;
					best = Math.min(best, d);
				}
			}
		}
		return best;
	}

	private int nearest(String[] terms, int from, int to, int anchor) {
		int best = -1;
		for (String term : terms) {
			for (int i = from; i + term.length() <= to; i++) {
				if (matchesAt(term, i)) {
					best = Math.max(best, i);
				}
			}
		}
		return best;
	}

	private boolean matchesAt(String term, int i) {
		if (!regionMatchesAsciiIgnoreCase(this.text, i, term)) {
			return false;
		}
		// ASCII terms must stand as words: "tx" is not in "text", "seed" is not in
		// "seedling".
		char first = term.charAt(0);
		if (first < 0x80 && Character.isLetterOrDigit(first) && i > 0 && isAsciiAlnum(this.text.charAt(i - 1))) {
			return false;
		}
		char last = term.charAt(term.length() - 1);
		int after = i + term.length();
		return !(last < 0x80 && Character.isLetterOrDigit(last) && after < this.text.length()
				&& isAsciiAlnum(this.text.charAt(after)));
	}

	/**
	 * Whether {@code text} holds the lower-case {@code term} at {@code offset}, ignoring
	 * the case of ASCII letters only.
	 * {@link String#regionMatches(boolean, int, String, int, int)} folds every character
	 * through the Unicode tables, which showed as the top cost of a scan.
	 * @param text the text
	 * @param offset where to compare
	 * @param term a term in lower case
	 * @return true on a match
	 */
	static boolean regionMatchesAsciiIgnoreCase(String text, int offset, String term) {
		int length = term.length();
		if (offset < 0 || offset + length > text.length()) {
			return false;
		}
		for (int k = 0; k < length; k++) {
			char c = text.charAt(offset + k);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + 32);
			}
			if (c != term.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	static boolean isAsciiAlnum(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	/**
	 * What the words around a candidate key say it is.
	 */
	enum KeyContext {

		NONE, KEY, TRANSACTION

	}

}
