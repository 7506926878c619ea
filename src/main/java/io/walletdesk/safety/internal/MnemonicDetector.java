package io.walletdesk.safety.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.walletdesk.safety.Certainty;
import io.walletdesk.safety.SecretFinding;
import io.walletdesk.safety.SecretType;
import io.walletdesk.safety.internal.Bip39.Wordlist;

/**
 * Finds BIP-39 recovery phrases in English, Chinese simplified and Chinese traditional.
 * <p>
 * One pass splits the text into tokens (ASCII words, single Han characters, and anything else
 * alphanumeric, which breaks a phrase) and classifies the gap before each token: a separator
 * (white space, commas, {@code ，、}, list numbering such as {@code 1.}, {@code 2)} or
 * {@code 3、}), nothing at all (adjacent Han characters), or a break. Then:
 * <ol>
 * <li>Runs of separated words: every window of 12, 15, 18, 21 or 24 wordlist words with a valid
 * checksum is {@link Certainty#CERTAIN}, longest first.</li>
 * <li>What is left of a run may be a phrase one mistake away: exactly one word short (each of
 * the 2048 words tried at each position), one word too many (each word left out in turn), or
 * with one unknown word replaced by its nearest wordlist words (edit distance up to 2 in
 * English, any character in Chinese). A repair that meets the checksum is
 * {@link Certainty#LIKELY}. Repairs are only tried on whole stretches of wordlist words, never on
 * windows inside longer prose, and spend a bounded budget of checksum trials.</li>
 * <li>A stretch of 12 or more wordlist words announced by context words ("seed phrase", 助记词,
 * "12 words", ...) is {@link Certainty#LIKELY} whatever its checksum.</li>
 * <li>Chinese written without separators (or spread over lines in equal groups) counts only when
 * it stands apart from prose: the whole line, or what follows a context word such as 助记词,
 * must be the phrase. Ordinary Chinese runs through wordlist characters (the list is the 2048
 * most frequent characters), so without context the phrase must also draw its characters like a
 * random phrase does: at most a third of them from the 256 most frequent.</li>
 * </ol>
 * Safe to share between threads.
 */
public final class MnemonicDetector {

	private static final byte ALPHA = 1;

	private static final byte HAN = 2;

	private static final byte OTHER = 3;

	private static final byte BREAK = 0;

	private static final byte ADJACENT = 1;

	private static final byte SEPARATED = 2;

	private static final String[] CHINESE_TERMS = { "助记词", "助记码", "私钥", "密钥", "秘钥", "种子", "恢复短语", "恢复词" };

	private static final int FREQUENT = 256;

	private final Bip39 bip39;

	private final int[] allChinese;

	public MnemonicDetector(Bip39 bip39) {
		this.bip39 = bip39;
		this.allChinese = new int[2048];
		for (int i = 0; i < 2048; i++) {
			this.allChinese[i] = i;
		}
	}

	/**
	 * Adds every recovery phrase in the context's text to {@code out}.
	 * @param context the scan
	 * @param out where findings go; they may overlap each other
	 */
	public void detect(ScanContext context, List<SecretFinding> out) {
		Tokens tokens = tokenize(context.text());
		if (tokens.size < 11) {
			return;
		}
		separatedRuns(context, tokens, out);
		chineseBlocks(context, tokens, out);
	}

	private void separatedRuns(ScanContext context, Tokens tokens, List<SecretFinding> out) {
		int i = 0;
		while (i < tokens.size) {
			int j = i + 1;
			while (j < tokens.size && tokens.gap[j] == SEPARATED) {
				j++;
			}
			if (j - i >= 11) {
				for (Wordlist list : Wordlist.values()) {
					int[] indexes = indexes(tokens, i, j, list);
					if (known(indexes) >= 11) {
						new Run(context, tokens, i, indexes, list, out).process();
					}
				}
			}
			i = j;
		}
	}

	private void chineseBlocks(ScanContext context, Tokens tokens, List<SecretFinding> out) {
		int i = 0;
		while (i < tokens.size) {
			if (tokens.kind[i] != HAN) {
				i++;
				continue;
			}
			int j = i + 1;
			boolean adjacent = false;
			while (j < tokens.size && tokens.kind[j] == HAN
					&& (tokens.gap[j] == ADJACENT || (tokens.gap[j] == SEPARATED && tokens.blankGap[j]))) {
				adjacent |= tokens.gap[j] == ADJACENT;
				j++;
			}
			if (adjacent && j - i >= 11) {
				for (Wordlist list : new Wordlist[] { Wordlist.CHINESE_SIMPLIFIED, Wordlist.CHINESE_TRADITIONAL }) {
					int[] indexes = indexes(tokens, i, j, list);
					if (known(indexes) >= 11 && chineseBlock(context, tokens, i, indexes, list, out)) {
						break;
					}
				}
			}
			i = j;
		}
	}

	private boolean chineseBlock(ScanContext context, Tokens tokens, int first, int[] indexes, Wordlist list,
			List<SecretFinding> out) {
		String text = context.text();
		int n = indexes.length;
		for (int a = 0; a < n - 10; a++) {
			boolean anchored = a > 0 && chineseTermEndsAt(text, tokens.start[first + a]);
			if (a > 0 && !anchored) {
				continue;
			}
			int from = a;
			if (anchored) {
				from = skipCopula(text, tokens, first, a, n);
			}
			int m = n - from;
			int startOffset = tokens.start[first + from];
			int endOffset = tokens.end[first + n - 1];
			boolean announced = anchored || context.announcesMnemonic(startOffset);
			if (!(anchored || startsLine(text, startOffset)) || !endsApart(text, endOffset, !anchored)
					|| !equalGroups(tokens, first + from, first + n)) {
				continue;
			}
			int unknown = m - known(indexes, from, n);
			Certainty found = null;
			if (unknown == 0 && Bip39.isPhraseLength(m)
					&& Bip39.checksumValid(indexes, from, m, context.sha256())) {
				if (announced || looksRandom(indexes, from, m)) {
					found = Certainty.CERTAIN;
				}
			}
			else if (announced && unknown == 0 && Bip39.isPhraseLength(m)) {
				found = Certainty.LIKELY;
			}
			else if (announced && unknown <= 1) {
				Run run = new Run(context, tokens, first + from, Arrays.copyOfRange(indexes, from, n), list, out);
				if (run.repairWhole()) {
					return true;
				}
			}
			if (found != null) {
				out.add(new SecretFinding(SecretType.MNEMONIC, startOffset, endOffset, m, found));
				return true;
			}
		}
		return false;
	}

	private static boolean chineseTermEndsAt(String text, int offset) {
		for (String term : CHINESE_TERMS) {
			int at = offset - term.length();
			if (at >= 0 && text.startsWith(term, at)) {
				return true;
			}
		}
		return false;
	}

	private static int skipCopula(String text, Tokens tokens, int first, int a, int n) {
		int from = a;
		while (from < n - 1) {
			char c = text.charAt(tokens.start[first + from]);
			if (c == '是' || c == '为' || c == '為' || c == '如' || c == '下') {
				from++;
			}
			else {
				break;
			}
		}
		return from;
	}

	/**
	 * Only blanks, list numbering or a label ending in a colon stand between the line start and
	 * {@code offset}.
	 */
	private static boolean startsLine(String text, int offset) {
		for (int i = offset - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == '\n') {
				return true;
			}
			if (c == ':' || c == '：') {
				return true;
			}
			if (!(Character.isWhitespace(c) || isDigit(c) || c == '.' || c == '、' || c == ')' || c == '）'
					|| c == '"' || c == '“' || c == '「')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Only blanks or closing punctuation stand between {@code offset} and the end of the line;
	 * when {@code wholeLine} is false a clause mark (，。) may end the candidate too.
	 */
	private static boolean endsApart(String text, int offset, boolean wholeLine) {
		for (int i = offset; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				return true;
			}
			if (!wholeLine && "，。,.;；！？!?".indexOf(c) >= 0) {
				return true;
			}
			if (!(Character.isWhitespace(c) || "。.!！\"”」".indexOf(c) >= 0)) {
				return false;
			}
		}
		return true;
	}

	/** Groups split by blanks all have the size of the first, but the last may be shorter. */
	private static boolean equalGroups(Tokens tokens, int from, int to) {
		int first = -1;
		int size = 1;
		for (int k = from + 1; k <= to; k++) {
			if (k == to || tokens.gap[k] != ADJACENT) {
				if (first < 0) {
					first = size;
				}
				else if (size > first || (size < first && k != to)) {
					return false;
				}
				size = 1;
			}
			else {
				size++;
			}
		}
		return true;
	}

	private static boolean looksRandom(int[] indexes, int from, int length) {
		int frequent = 0;
		for (int i = from; i < from + length; i++) {
			if (indexes[i] < FREQUENT) {
				frequent++;
			}
		}
		return frequent * 3 <= length;
	}

	private int[] indexes(Tokens tokens, int from, int to, Wordlist list) {
		int[] indexes = new int[to - from];
		for (int k = from; k < to; k++) {
			int index = -1;
			if (list == Wordlist.ENGLISH) {
				index = tokens.english[k];
			}
			else if (tokens.kind[k] == HAN) {
				index = this.bip39.chineseIndex(list, tokens.text.charAt(tokens.start[k]));
			}
			indexes[k - from] = index;
		}
		return indexes;
	}

	private static int known(int[] indexes) {
		return known(indexes, 0, indexes.length);
	}

	private static int known(int[] indexes, int from, int to) {
		int count = 0;
		for (int i = from; i < to; i++) {
			if (indexes[i] >= 0) {
				count++;
			}
		}
		return count;
	}

	private Tokens tokenize(String text) {
		Tokens tokens = new Tokens(text);
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (ScanContext.isAsciiAlnum(c)) {
				int j = i;
				while (j < length && ScanContext.isAsciiAlnum(text.charAt(j))) {
					j++;
				}
				int d = i;
				while (d < j && isDigit(text.charAt(d))) {
					d++;
				}
				if (d == j) {
					if (j - i > 3) {
						tokens.add(i, j, OTHER, -1);
					}
				}
				else if (d - i <= 3 && lettersOnly(text, d, j)) {
					tokens.add(d, j, ALPHA, englishIndex(text, d, j));
				}
				else {
					tokens.add(i, j, OTHER, -1);
				}
				i = j;
			}
			else if (isHan(c)) {
				tokens.add(i, i + 1, HAN, -1);
				i++;
			}
			else {
				i++;
			}
		}
		return tokens;
	}

	private int englishIndex(String text, int from, int to) {
		int length = to - from;
		if (length < 3 || length > 8) {
			return -1;
		}
		return this.bip39.englishIndex(text.substring(from, to).toLowerCase(Locale.ROOT));
	}

	private static boolean lettersOnly(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
				return false;
			}
		}
		return true;
	}

	static boolean isHan(char c) {
		return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
	}

	private static boolean isDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
	}

	/**
	 * Classifies the text between two tokens: empty, a separator (blanks, commas, list numbering,
	 * quotes), or anything else, which breaks a phrase.
	 */
	private static byte gapKind(String text, int from, int to, boolean[] blank) {
		if (from == to) {
			return ADJACENT;
		}
		boolean onlyBlank = true;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000') {
				continue;
			}
			onlyBlank = false;
			if (isDigit(c) || ",，、;；-•*·|/\"'“”‘’".indexOf(c) >= 0) {
				continue;
			}
			if (".)）:：".indexOf(c) >= 0 && i > from && isDigit(text.charAt(i - 1))) {
				continue;
			}
			if ("(（#".indexOf(c) >= 0 && i + 1 < to && isDigit(text.charAt(i + 1))) {
				continue;
			}
			return BREAK;
		}
		blank[0] = onlyBlank;
		return SEPARATED;
	}

	/** The tokens of one text, in parallel arrays to keep the scan free of per-token objects. */
	private static final class Tokens {

		final String text;

		int size;

		int[] start = new int[64];

		int[] end = new int[64];

		byte[] kind = new byte[64];

		int[] english = new int[64];

		byte[] gap = new byte[64];

		boolean[] blankGap = new boolean[64];

		private final boolean[] blank = new boolean[1];

		Tokens(String text) {
			this.text = text;
		}

		void add(int from, int to, byte tokenKind, int englishIndex) {
			if (this.size == this.start.length) {
				int capacity = this.size * 2;
				this.start = Arrays.copyOf(this.start, capacity);
				this.end = Arrays.copyOf(this.end, capacity);
				this.kind = Arrays.copyOf(this.kind, capacity);
				this.english = Arrays.copyOf(this.english, capacity);
				this.gap = Arrays.copyOf(this.gap, capacity);
				this.blankGap = Arrays.copyOf(this.blankGap, capacity);
			}
			int k = this.size++;
			this.start[k] = from;
			this.end[k] = to;
			this.kind[k] = tokenKind;
			this.english[k] = englishIndex;
			if (k == 0 || tokenKind == OTHER || this.kind[k - 1] == OTHER) {
				this.gap[k] = BREAK;
			}
			else {
				this.blank[0] = false;
				byte g = gapKind(this.text, this.end[k - 1], from, this.blank);
				if (g == ADJACENT && (tokenKind != HAN || this.kind[k - 1] != HAN)) {
					g = BREAK;
				}
				this.gap[k] = g;
				this.blankGap[k] = this.blank[0];
			}
		}

	}

	/**
	 * One run of separated tokens under one wordlist; {@code indexes} holds each token's word
	 * index or -1.
	 */
	private final class Run {

		private final ScanContext context;

		private final Tokens tokens;

		private final int first;

		private final int[] indexes;

		private final Wordlist list;

		private final List<SecretFinding> out;

		private final boolean[] covered;

		Run(ScanContext context, Tokens tokens, int first, int[] indexes, Wordlist list, List<SecretFinding> out) {
			this.context = context;
			this.tokens = tokens;
			this.first = first;
			this.indexes = indexes;
			this.list = list;
			this.out = out;
			this.covered = new boolean[indexes.length];
		}

		void process() {
			exact();
			// A typo is the likelier mistake: repair it first, or a missing-word repair of the words
			// beside it would leave the mistyped word in the clear.
			repairUnknownWords();
			repairStretches();
			announced();
		}

		/** Repairs the whole run as one phrase; used for anchored Chinese. */
		boolean repairWhole() {
			int n = this.indexes.length;
			int unknown = n - known(this.indexes);
			if (unknown == 0) {
				return (Bip39.isPhraseLength(n + 1) && missing(0, n)) || (Bip39.isPhraseLength(n - 1) && extra(0, n));
			}
			for (int p = 0; p < n; p++) {
				if (this.indexes[p] < 0) {
					return Bip39.isPhraseLength(n) && substitute(p, 0, n);
				}
			}
			return false;
		}

		private void exact() {
			int n = this.indexes.length;
			int i = 0;
			while (i < n) {
				if (this.indexes[i] < 0) {
					i++;
					continue;
				}
				int j = i;
				while (j < n && this.indexes[j] >= 0) {
					j++;
				}
				int k = i;
				while (k + 12 <= j) {
					int matched = 0;
					for (int length : Bip39.LENGTHS) {
						if (k + length <= j
								&& Bip39.checksumValid(this.indexes, k, length, this.context.sha256())) {
							matched = length;
							break;
						}
					}
					if (matched > 0) {
						emit(k, k + matched, Certainty.CERTAIN);
						k += matched;
					}
					else {
						k++;
					}
				}
				i = j;
			}
		}

		private void repairStretches() {
			int n = this.indexes.length;
			int i = 0;
			while (i < n) {
				if (!open(i)) {
					i++;
					continue;
				}
				int j = i;
				while (j < n && open(j)) {
					j++;
				}
				int m = j - i;
				if (Bip39.isPhraseLength(m + 1)) {
					missing(i, j);
				}
				else if (Bip39.isPhraseLength(m - 1)) {
					extra(i, j);
				}
				i = j;
			}
		}

		private void repairUnknownWords() {
			int n = this.indexes.length;
			for (int p = 0; p < n; p++) {
				if (this.indexes[p] >= 0 || this.covered[p] || !repairable(p)) {
					continue;
				}
				int a = p;
				while (a > 0 && open(a - 1)) {
					a--;
				}
				int b = p + 1;
				while (b < n && open(b)) {
					b++;
				}
				if (Bip39.isPhraseLength(b - a)) {
					substitute(p, a, b);
				}
			}
		}

		private void announced() {
			int n = this.indexes.length;
			int i = 0;
			while (i < n) {
				if (!open(i)) {
					i++;
					continue;
				}
				int j = i;
				boolean usedUnknown = false;
				while (j < n) {
					if (open(j)) {
						j++;
					}
					else if (!usedUnknown && !this.covered[j] && j + 1 < n && open(j + 1) && repairable(j)
							&& candidates(j).length > 0) {
						usedUnknown = true;
						j++;
					}
					else {
						break;
					}
				}
				if (j - i >= 12 && this.context.announcesMnemonic(this.tokens.start[this.first + i])) {
					emit(i, j, Certainty.LIKELY);
				}
				i = j;
			}
		}

		private boolean missing(int from, int to) {
			int length = to - from + 1;
			int[] trial = new int[length];
			for (int position = 0; position < length; position++) {
				for (int k = 0, s = from; k < length; k++) {
					if (k != position) {
						trial[k] = this.indexes[s++];
					}
				}
				for (int word = 0; word < 2048; word++) {
					if (!this.context.spendRepair()) {
						return false;
					}
					trial[position] = word;
					if (Bip39.checksumValid(trial, 0, length, this.context.sha256())) {
						emit(from, to, Certainty.LIKELY);
						return true;
					}
				}
			}
			return false;
		}

		private boolean extra(int from, int to) {
			int length = to - from - 1;
			int[] trial = new int[length];
			for (int skip = from; skip < to; skip++) {
				if (!this.context.spendRepair()) {
					return false;
				}
				for (int k = from, t = 0; k < to; k++) {
					if (k != skip) {
						trial[t++] = this.indexes[k];
					}
				}
				if (Bip39.checksumValid(trial, 0, length, this.context.sha256())) {
					emit(from, to, Certainty.LIKELY);
					return true;
				}
			}
			return false;
		}

		private boolean substitute(int position, int from, int to) {
			for (int candidate : candidates(position)) {
				if (!this.context.spendRepair()) {
					break;
				}
				this.indexes[position] = candidate;
				if (Bip39.checksumValid(this.indexes, from, to - from, this.context.sha256())) {
					this.indexes[position] = -1;
					emit(from, to, Certainty.LIKELY);
					return true;
				}
			}
			this.indexes[position] = -1;
			return false;
		}

		private boolean repairable(int position) {
			byte kind = this.tokens.kind[this.first + position];
			return (this.list == Wordlist.ENGLISH) ? kind == ALPHA : kind == HAN;
		}

		private int[] candidates(int position) {
			if (this.list != Wordlist.ENGLISH) {
				return MnemonicDetector.this.allChinese;
			}
			int k = this.first + position;
			int length = this.tokens.end[k] - this.tokens.start[k];
			if (length < 3 || length > 10) {
				return new int[0];
			}
			String token = this.tokens.text.substring(this.tokens.start[k], this.tokens.end[k])
				.toLowerCase(Locale.ROOT);
			return MnemonicDetector.this.bip39.englishNeighbours(token);
		}

		private boolean open(int position) {
			return this.indexes[position] >= 0 && !this.covered[position];
		}

		private void emit(int from, int to, Certainty certainty) {
			for (int k = from; k < to; k++) {
				this.covered[k] = true;
			}
			int start = this.tokens.start[this.first + from];
			int end = this.tokens.end[this.first + to - 1];
			this.out.add(new SecretFinding(SecretType.MNEMONIC, start, end, to - from, certainty));
		}

	}

}
