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
 * One pass splits the text into tokens (ASCII words, single Han characters, and anything
 * else alphanumeric, which breaks a phrase) and classifies the gap before each token: a
 * separator (white space, commas, {@code ，、}, quotes, list numbering such as {@code 1.},
 * {@code 2)} or {@code 3、}), nothing at all (adjacent Han characters), or a break. Words
 * are looked up in pre-built tables (packed keys for English, a 64K array per Chinese
 * list); no regular expressions run over the text. Then, in a run of separated words:
 * <ol>
 * <li>A whole stretch of wordlist words of 12, 15, 18, 21 or 24 words with a valid
 * checksum is {@link Certainty#CERTAIN}.</li>
 * <li>A stretch with one unknown word that a wordlist word within edit distance 2 (1 for
 * short words; any character in Chinese) turns into a valid phrase is
 * {@link Certainty#LIKELY}; so is a stretch, or the whole lines of one, that is one word
 * short (each of the 2048 words tried at each position) or one word too many (each word
 * left out in turn). A 12-word checksum has only 4 bits, so these repairs are tried on
 * whole stretches and lines only, never on windows inside longer prose, and spend a
 * bounded budget of checksum trials.</li>
 * <li>In longer stretches, windows with a valid checksum are {@link Certainty#CERTAIN},
 * longest first.</li>
 * <li>A stretch of 12 or more wordlist words announced by context words ("seed phrase",
 * 助记词, "12 words", ...) in the 100 characters before it is {@link Certainty#LIKELY}
 * whatever its checksum; the context words themselves stay visible.</li>
 * <li>Chinese written without separators (or spread over lines in equal groups) counts
 * only when it stands apart from prose: whole lines, or what directly follows a context
 * word such as {@code 助记词：}. Ordinary Chinese runs through wordlist characters (the list
 * is the 2048 most frequent characters, in order), so a line without such context must
 * also draw its characters the way a random phrase does: at most a third of them among
 * the 256 most frequent. That misses about one phrase in sixty written alone on a line
 * without any context.</li>
 * </ol>
 * Up to two wordlist words beside a phrase in the same stretch are redacted with it:
 * hiding a neighbour costs little, showing a phrase word leaves the rest open to brute
 * force. Safe to share between threads.
 */
public final class MnemonicDetector {

	private static final byte ALPHA = 1;

	private static final byte HAN = 2;

	private static final byte OTHER = 3;

	private static final byte BREAK = 0;

	private static final byte ADJACENT = 1;

	private static final byte SEPARATED = 2;

	private static final String[] CHINESE_TERMS = { "助记词", "助记码", "私钥", "密钥", "秘钥", "种子", "恢复短语", "恢复词", "助記詞", "助記碼",
			"私鑰", "密鑰", "祕鑰", "種子", "恢復短語", "恢復詞" };

	private static final String TERM_ENDINGS = "词码钥子语詞碼鑰";

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
				boolean han = false;
				for (int k = i; k < j && !han; k++) {
					han = tokens.kind[k] == HAN;
				}
				for (Wordlist list : han ? Wordlist.values() : new Wordlist[] { Wordlist.ENGLISH }) {
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

	/**
	 * Looks for a phrase among the groups of a block of Han characters (groups are split
	 * by blanks or line breaks): a run of whole groups that fills its lines, or what
	 * follows a context word inside the block.
	 */
	private boolean chineseBlock(ScanContext context, Tokens tokens, int first, int[] indexes, Wordlist list,
			List<SecretFinding> out) {
		String text = context.text();
		int n = indexes.length;
		int[] bounds = new int[n + 1];
		int groups = 0;
		bounds[groups++] = 0;
		for (int k = 1; k < n; k++) {
			if (tokens.gap[first + k] != ADJACENT) {
				bounds[groups++] = k;
			}
		}
		bounds[groups] = n;
		for (int g = 0; g < groups; g++) {
			for (int h = g + 1; h <= groups; h++) {
				int from = bounds[g];
				int to = bounds[h];
				if (Bip39.isPhraseLength(to - from) && startsLine(text, tokens.start[first + from])
						&& endsApart(text, tokens.end[first + to - 1], true)
						&& equalGroups(tokens, first + from, first + to)
						&& candidate(context, tokens, first, indexes, list, from, to, false, out)) {
					return true;
				}
			}
		}
		for (int q = 1; q < n - 10; q++) {
			if (!chineseTermEndsAt(text, tokens.start[first + q])) {
				continue;
			}
			int from = skipCopula(text, tokens, first, q, n);
			for (int h = 0; h <= groups; h++) {
				int to = bounds[h];
				if (to - from >= 11 && endsApart(text, tokens.end[first + to - 1], false)
						&& equalGroups(tokens, first + from, first + to)
						&& candidate(context, tokens, first, indexes, list, from, to, true, out)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean candidate(ScanContext context, Tokens tokens, int first, int[] indexes, Wordlist list, int from,
			int to, boolean anchored, List<SecretFinding> out) {
		int m = to - from;
		int unknown = m - known(indexes, from, to);
		boolean phrase = unknown == 0 && Bip39.isPhraseLength(m);
		boolean valid = phrase && Bip39.checksumValid(indexes, from, m, context.sha256());
		// Only a context word that directly introduces the characters counts: prose
		// mentioning
		// 助记词 a line earlier is still prose.
		boolean introduced = anchored || context.introducesMnemonic(tokens.start[first + from]);
		if (valid && (introduced || looksRandom(indexes, from, m))) {
			return emit(tokens, first, from, to, Certainty.CERTAIN, out);
		}
		if (!introduced) {
			return false;
		}
		if (phrase) {
			return emit(tokens, first, from, to, Certainty.LIKELY, out);
		}
		if (unknown <= 1) {
			return new Run(context, tokens, first + from, Arrays.copyOfRange(indexes, from, to), list, out)
				.repairWhole();
		}
		return false;
	}

	private static boolean emit(Tokens tokens, int first, int from, int to, Certainty certainty,
			List<SecretFinding> out) {
		out.add(new SecretFinding(SecretType.MNEMONIC, tokens.start[first + from], tokens.end[first + to - 1],
				to - from, certainty));
		return true;
	}

	private static boolean chineseTermEndsAt(String text, int offset) {
		if (offset == 0 || TERM_ENDINGS.indexOf(text.charAt(offset - 1)) < 0) {
			return false;
		}
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
	 * Only blanks, list numbering or a label ending in a colon stand between the line
	 * start and {@code offset}.
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
			if (!(Character.isWhitespace(c) || isDigit(c) || c == '.' || c == '、' || c == ')' || c == '）' || c == '"'
					|| c == '“' || c == '「')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Only blanks or closing punctuation stand between {@code offset} and the end of the
	 * line; when {@code wholeLine} is false a clause mark (，。) may end the candidate too.
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

	/**
	 * Groups split by blanks all have the size of the first, but the last may be shorter.
	 */
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
		return this.bip39.englishIndex(text, from, to);
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
	 * Classifies the text between two tokens: empty, a separator (blanks, commas, list
	 * numbering, quotes), or anything else, which breaks a phrase.
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

	@FunctionalInterface
	private interface StretchAction {

		void apply(int from, int to);

	}

	private static boolean hasLineBreak(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) == '\n') {
				return true;
			}
		}
		return false;
	}

	/**
	 * The tokens of one text, in parallel arrays to keep the scan free of per-token
	 * objects.
	 */
	private static final class Tokens {

		final String text;

		int size;

		int[] start;

		int[] end;

		byte[] kind;

		int[] english;

		byte[] gap;

		boolean[] blankGap;

		boolean[] lineGap;

		private final boolean[] blank = new boolean[1];

		Tokens(String text) {
			this.text = text;
			int capacity = Math.max(16, text.length() / 2);
			this.start = new int[capacity];
			this.end = new int[capacity];
			this.kind = new byte[capacity];
			this.english = new int[capacity];
			this.gap = new byte[capacity];
			this.blankGap = new boolean[capacity];
			this.lineGap = new boolean[capacity];
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
				this.lineGap = Arrays.copyOf(this.lineGap, capacity);
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
				this.lineGap[k] = g == SEPARATED && hasLineBreak(this.text, this.end[k - 1], from);
			}
		}

	}

	/**
	 * One run of separated tokens under one wordlist; {@code indexes} holds each token's
	 * word index or -1.
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
			hideContextWords();
		}

		/**
		 * Wordlist words that belong to a context word at the start of a stretch ("seed
		 * phrase", "recovery phrase") announce a phrase rather than start one.
		 */
		private void hideContextWords() {
			for (int k = 0; k < this.indexes.length; k++) {
				if (this.indexes[k] >= 0 && (k == 0 || this.indexes[k - 1] < 0)) {
					int p = k;
					while (p < this.indexes.length && this.indexes[p] >= 0 && insideContextWord(p)) {
						this.indexes[p] = -1;
						p++;
					}
				}
			}
		}

		private boolean insideContextWord(int position) {
			int start = this.tokens.start[this.first + position];
			int end = this.tokens.end[this.first + position];
			return this.context.mnemonicTermEnd(Math.max(0, start - 20), start + 1) >= end;
		}

		void process() {
			// Whole stretches first: a phrase with a mistake contains, by chance, shorter
			// windows
			// that pass the weak 12-word checksum, and those must not win over the
			// phrase.
			forEachStretch((i, j) -> {
				if (Bip39.isPhraseLength(j - i) && valid(i, j)) {
					emit(i, j, Certainty.CERTAIN);
				}
			});
			// A typo before a missing word: repairing the words beside a mistyped one as
			// "one word
			// short" would leave the mistyped word in the clear.
			repairUnknownWords();
			forEachStretch(this::repairWholeStretch);
			forEachStretch(this::exactWindows);
			forEachStretch(this::repairWholeStretch);
			announced();
		}

		private void forEachStretch(StretchAction action) {
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
				action.apply(i, j);
				i = j;
			}
		}

		/**
		 * One word short or one too many: the whole stretch, or whole lines of it, since
		 * a pasted phrase usually has lines of its own and the words around it may be
		 * wordlist words too.
		 */
		private void repairWholeStretch(int i, int j) {
			if (repair(i, j)) {
				return;
			}
			int[] lineStarts = new int[j - i + 1];
			int lines = 0;
			lineStarts[lines++] = i;
			for (int k = i + 1; k < j; k++) {
				if (this.tokens.lineGap[this.first + k]) {
					lineStarts[lines++] = k;
				}
			}
			lineStarts[lines] = j;
			if (lines == 1) {
				return;
			}
			for (int a = 0; a < lines; a++) {
				for (int b = a + 1; b <= lines; b++) {
					if ((a > 0 || b < lines) && repair(lineStarts[a], lineStarts[b])) {
						return;
					}
				}
			}
		}

		private boolean repair(int i, int j) {
			int m = j - i;
			if (Bip39.isPhraseLength(m) && valid(i, j)) {
				emit(i, j, Certainty.CERTAIN);
				return true;
			}
			return (Bip39.isPhraseLength(m + 1) && missing(i, j)) || (Bip39.isPhraseLength(m - 1) && extra(i, j));
		}

		private boolean valid(int i, int j) {
			return Bip39.checksumValid(this.indexes, i, j - i, this.context.sha256());
		}

		private void exactWindows(int i, int j) {
			int k = i;
			while (k + 12 <= j) {
				int matched = 0;
				for (int length : Bip39.LENGTHS) {
					if (k + length <= j && valid(k, k + length)) {
						matched = length;
						break;
					}
				}
				if (matched > 0) {
					k = emit(k, k + matched, Certainty.CERTAIN);
				}
				else {
					k++;
				}
			}
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
				int unknown = -1;
				while (j < n) {
					if (open(j)) {
						j++;
					}
					else if (unknown < 0 && !this.covered[j] && j + 1 < n && open(j + 1) && repairable(j)) {
						unknown = j;
						j++;
					}
					else {
						break;
					}
				}
				if (j - i >= 12) {
					// Neighbours of an unknown word are costly; look them up only for a
					// long run.
					if (unknown < 0 || candidates(unknown).length > 0) {
						announcedPart(i, j);
					}
					else {
						announcedPart(i, unknown);
						announcedPart(unknown + 1, j);
					}
				}
				i = j;
			}
		}

		private void announcedPart(int i, int j) {
			if (j - i < 12) {
				return;
			}
			// A context word that is itself on the wordlist ("seed phrase") stays
			// visible.
			int termEnd = this.context.mnemonicTermEnd(this.tokens.start[this.first + i],
					this.tokens.end[this.first + i + 1]);
			while (i < j && this.tokens.start[this.first + i] < termEnd) {
				i++;
			}
			if (j - i >= 12 && this.context.announcesMnemonic(this.tokens.start[this.first + i])) {
				emit(i, j, Certainty.LIKELY);
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
			// A stray word at either end is just a neighbour of a valid phrase: keep it
			// visible.
			if (valid(from + 1, to)) {
				emit(from + 1, to, Certainty.CERTAIN);
				return true;
			}
			if (valid(from, to - 1)) {
				emit(from, to - 1, Certainty.CERTAIN);
				return true;
			}
			int length = to - from - 1;
			int[] trial = new int[length];
			for (int skip = from + 1; skip < to - 1; skip++) {
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

		/**
		 * Reports a phrase. Up to two wordlist words left beside it in the same stretch
		 * are reported with it: a neighbour wrongly hidden costs nothing, a phrase word
		 * wrongly shown leaves the rest open to brute force.
		 * @return the end of what was reported
		 */
		private int emit(int from, int to, Certainty certainty) {
			int a = from;
			while (a > 0 && open(a - 1)) {
				a--;
			}
			int b = to;
			while (b < this.indexes.length && open(b)) {
				b++;
			}
			if ((from - a) + (b - to) <= 2) {
				from = a;
				to = b;
			}
			for (int k = from; k < to; k++) {
				this.covered[k] = true;
			}
			int start = this.tokens.start[this.first + from];
			int end = this.tokens.end[this.first + to - 1];
			this.out.add(new SecretFinding(SecretType.MNEMONIC, start, end, to - from, certainty));
			return to;
		}

	}

}
