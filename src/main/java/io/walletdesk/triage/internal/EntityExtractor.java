package io.walletdesk.triage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.novacrypto.base58.Base58;
import io.walletdesk.chain.AddressFormats;
import io.walletdesk.triage.Entities;
import io.walletdesk.triage.Entities.Address;
import io.walletdesk.triage.Entities.Amount;
import io.walletdesk.triage.Entities.TxHash;

/**
 * Finds the {@link Entities} in a customer message that has already been redacted of
 * secrets.
 * <p>
 * The message is read in passes, each of which claims the characters it takes so that no
 * later pass reads them again:
 * <ol>
 * <li>Redaction placeholders ({@code [redacted: ...]}) are skipped whole.</li>
 * <li>Links: on a block explorer's link, hashes and addresses are taken with the chain
 * the explorer serves; any other link is skipped whole, so file names and tracking ids in
 * it are never mistaken for hashes.</li>
 * <li>Hashes and addresses: {@code 0x} and 64 hex digits, 64 hex digits alone, EVM, TON,
 * Bitcoin SegWit and base58 addresses (Tron, Bitcoin legacy, Solana), Solana signatures.
 * Near misses a customer would mistype (an EVM address one digit short or long, a Tron
 * address one character short or long, a broken checksum) are reported as not valid, with
 * the chain they resemble.</li>
 * <li>Amounts: a number, an optional multiplier ({@code k}, {@code 万}, ...) and a unit
 * from the dictionary ({@code 2,300 USDT}, {@code 0.8个ETH}, {@code 5万U}), or a currency
 * sign before it ({@code $500}, {@code ¥3000}). Versions, dates, times and counts without
 * a unit are not amounts.</li>
 * <li>Chains, tokens and exchanges from the dictionary
 * ({@code triage/entity-dictionary.txt}), longest term first, Latin terms only as whole
 * words and in any case; terms that are also ordinary words ({@code base}, {@code op},
 * {@code ton}, {@code sol}) only with crypto context around them. A token followed by a
 * number that ends the sentence is an amount too ({@code USDT 15,000}).</li>
 * <li>The app version and the operating system.</li>
 * </ol>
 * Finally a hash or EVM address takes its chain from the message: an EVM one the single
 * EVM chain the customer names (else {@code evm}), a bare 64-hex hash {@code tron} or
 * {@code bitcoin} when only one of them is mentioned (else {@code unknown}).
 * <p>
 * The dictionary and patterns are built once; instances are immutable and safe to share
 * between threads.
 */
public class EntityExtractor {

	private static final String DICTIONARY_RESOURCE = "triage/entity-dictionary.txt";

	private static final Pattern REDACTED = Pattern.compile("\\[redacted:[^\\]\\n]*\\]");

	private static final Pattern URL = Pattern
		.compile("(?i)(?<![A-Za-z0-9@.])(?:https?://|www\\.)[^\\s<>\"'，。、；！？）】」]+");

	private static final Pattern LINK_PREFIX = Pattern.compile("(?i)^(https?://)?(www\\.)?");

	private static final Pattern TON_RAW = Pattern.compile("(?<![0-9A-Za-z:-])(?:-1|0):[0-9a-fA-F]{64}(?![0-9A-Za-z])");

	private static final Pattern TON_FRIENDLY = Pattern
		.compile("(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_-]{48}(?![A-Za-z0-9+/_=-])");

	private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z])(0[xX])?([0-9a-fA-F]{20,})(?![0-9A-Za-z])");

	private static final Pattern SEGWIT = Pattern
		.compile("(?<![0-9A-Za-z])(?:bc1|BC1)[0-9A-Za-z]{8,87}(?![0-9A-Za-z])");

	private static final Pattern BASE58 = Pattern.compile("(?<![0-9A-Za-z])[1-9A-HJ-NP-Za-km-z]{25,88}(?![0-9A-Za-z])");

	private static final Pattern NUMBER = Pattern
		.compile("(?<![0-9A-Za-z.,:/_-])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![0-9]|[.,:/-]\\d)");

	private static final Pattern VERSION_AFTER_V = Pattern
		.compile("(?<![0-9A-Za-z.])[vV](?<version>\\d+(?:\\.\\d+){1,3})(?![0-9A-Za-z]|\\.\\d)");

	private static final Pattern VERSION_AFTER_WORD = Pattern
		.compile("(?i)(?<![a-z])(?<word>app\\s*version|version|ver\\.?"
				+ "|app|(?:updated?|upgraded?)\\s+to|版本号?|(?:升级|更新)[到至]?)\\s*[:：=]?\\s*(?:(?:是|为|is)\\s*)?v?(?<version>\\d+(?:\\.\\d+){1,3})"
				+ "(?![0-9A-Za-z]|\\.\\d)");

	private static final Pattern VERSION_BEFORE_WORD = Pattern
		.compile("(?<![0-9A-Za-z.])(?<version>\\d+(?:\\.\\d+){1,3})\\s*版");

	private static final List<Pattern> VERSION_PATTERNS = List.of(VERSION_AFTER_V, VERSION_AFTER_WORD,
			VERSION_BEFORE_WORD);

	private static final Pattern OS = Pattern
		.compile("(?i)(?<![a-z])(ipados|ios|android|harmony\\s?os|windows|win(?=\\s?\\d)"
				+ "|mac\\s?os(?:\\s?x)?|linux|安卓|鸿蒙|iphone|ipad|macbook|苹果手机)(?![a-z])"
				+ "(?:\\s*(?:系统|版本|version|ver\\.?))?\\s*(\\d+(?:\\.\\d+){0,2})?(?![0-9A-Za-z]|\\.\\d)");

	/** Chinese that makes a number a count, a time or a rank rather than an amount. */
	private static final String MEASURE_WORDS = "个次小时天分秒年月日号笔条岁位张周万千百亿多余%％倍层";

	private static final List<String> OS_WORDS = List.of("ios", "ipados", "android", "harmonyos", "windows", "macos",
			"linux", "安卓", "鸿蒙", "系统");

	private static final List<String> CONTEXT_AFTER = List.of("chain", "network", "mainnet", "exchange", "链", "网络",
			"主网", "交易所");

	private static final List<String> CONTEXT_WORDS_BEFORE = List.of("on", "via");

	private static final String CONTEXT_CHARS_BEFORE = "在从到";

	private static final Map<String, String> EXPLORERS = Map.ofEntries(Map.entry("etherscan.io", "ethereum"),
			Map.entry("bscscan.com", "bsc"), Map.entry("polygonscan.com", "polygon"),
			Map.entry("arbiscan.io", "arbitrum"), Map.entry("optimistic.etherscan.io", "optimism"),
			Map.entry("basescan.org", "base"), Map.entry("snowtrace.io", "avalanche"),
			Map.entry("snowscan.xyz", "avalanche"), Map.entry("tronscan.org", "tron"), Map.entry("tronscan.io", "tron"),
			Map.entry("mempool.space", "bitcoin"), Map.entry("blockstream.info", "bitcoin"),
			Map.entry("btc.com", "bitcoin"), Map.entry("solscan.io", "solana"),
			Map.entry("explorer.solana.com", "solana"), Map.entry("tonviewer.com", "ton"),
			Map.entry("tonscan.org", "ton"), Map.entry("blockchair.com", ""));

	private static final Map<String, String> BLOCKCHAIR_PATHS = Map.of("bitcoin", "bitcoin", "ethereum", "ethereum",
			"tron", "tron", "bnb", "bsc", "polygon", "polygon", "arbitrum-one", "arbitrum", "optimism", "optimism",
			"base", "base", "avalanche", "avalanche", "solana", "solana");

	private static final Dictionary DEFAULT_DICTIONARY = Dictionary.load(DICTIONARY_RESOURCE);

	private final Dictionary dictionary;

	/**
	 * An extractor with the dictionary shipped in {@code triage/entity-dictionary.txt}.
	 */
	public EntityExtractor() {
		this.dictionary = DEFAULT_DICTIONARY;
	}

	/**
	 * Finds the entities in a message.
	 * @param text the message, redacted of secrets; may be null
	 * @return what was found, {@link Entities#NONE} for a null or blank message
	 */
	public Entities extract(String text) {
		if (text == null || text.isBlank()) {
			return Entities.NONE;
		}
		Scan scan = new Scan(text);
		claimAll(scan, REDACTED);
		links(scan);
		hashesAndAddresses(scan, 0, text.length(), null);
		amounts(scan);
		terms(scan);
		appVersion(scan);
		os(scan);
		return scan.result();
	}

	private static void claimAll(Scan scan, Pattern pattern) {
		Matcher m = pattern.matcher(scan.text);
		while (m.find()) {
			scan.claim(m.start(), m.end());
		}
	}

	private void links(Scan scan) {
		Matcher m = URL.matcher(scan.text);
		while (m.find()) {
			int end = m.end();
			// Sentence punctuation right after a link belongs to the sentence.
			while (end > m.start() && ".,;:!?)".indexOf(scan.text.charAt(end - 1)) >= 0) {
				end--;
			}
			if (scan.isClaimed(m.start(), end)) {
				continue;
			}
			String chain = explorerChain(scan.text.substring(m.start(), end));
			if (chain != null) {
				hashesAndAddresses(scan, m.start(), end, chain.isEmpty() ? null : chain);
			}
			scan.claim(m.start(), end);
		}
	}

	/**
	 * The chain a block explorer's link is about: null for a link that is not an
	 * explorer's, empty for an explorer whose link does not tell.
	 */
	private static String explorerChain(String link) {
		String rest = LINK_PREFIX.matcher(link).replaceFirst("");
		int slash = rest.indexOf('/');
		String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
		int port = host.indexOf(':');
		host = port < 0 ? host : host.substring(0, port);
		String chain = EXPLORERS.get(host);
		if ("blockchair.com".equals(host) && slash >= 0) {
			String path = rest.substring(slash + 1);
			int next = path.indexOf('/');
			String first = (next < 0 ? path : path.substring(0, next)).toLowerCase(Locale.ROOT);
			chain = BLOCKCHAIR_PATHS.getOrDefault(first, "");
		}
		return chain;
	}

	/**
	 * Takes hashes and addresses between {@code from} and {@code to}.
	 * @param chain the chain an explorer link is about, or null
	 */
	private static void hashesAndAddresses(Scan scan, int from, int to, String chain) {
		Matcher m = TON_RAW.matcher(scan.text).region(from, to);
		while (m.find()) {
			if (!scan.isClaimed(m.start(), m.end())) {
				scan.address(m.start(), m.group(), "ton", true);
			}
		}
		m = TON_FRIENDLY.matcher(scan.text).region(from, to);
		while (m.find()) {
			if (!scan.isClaimed(m.start(), m.end()) && AddressFormats.isValid("ton", m.group())) {
				scan.address(m.start(), m.group(), "ton", true);
			}
		}
		m = HEX.matcher(scan.text).region(from, to);
		while (m.find()) {
			if (!scan.isClaimed(m.start(), m.end())) {
				hex(scan, m, chain);
			}
		}
		m = SEGWIT.matcher(scan.text).region(from, to);
		while (m.find()) {
			if (!scan.isClaimed(m.start(), m.end()) && m.group().length() >= 14 && m.group().length() <= 74) {
				scan.address(m.start(), m.group(), "bitcoin", AddressFormats.isValid("bitcoin", m.group()));
			}
		}
		m = BASE58.matcher(scan.text).region(from, to);
		while (m.find()) {
			if (!scan.isClaimed(m.start(), m.end())) {
				base58(scan, m.start(), m.group());
			}
		}
	}

	private static void hex(Scan scan, Matcher m, String chain) {
		boolean prefixed = m.group(1) != null;
		String digits = m.group(2);
		int length = digits.length();
		String value = m.group();
		if (length == 64 && prefixed) {
			scan.hash(m.start(), value, chain != null ? chain : Scan.EVM_FROM_CONTEXT);
		}
		else if (length == 64 && hasLetter(digits) && hasDigit(digits)) {
			scan.hash(m.start(), value, chain != null ? chain : Scan.PLAIN_FROM_CONTEXT);
		}
		else if (prefixed && length >= 39 && length <= 41) {
			String evmChain = chain != null && AddressFormats.isEvmChain(chain) ? chain : Scan.EVM_FROM_CONTEXT;
			scan.address(m.start(), value, evmChain, length == 40 && AddressFormats.isValid("evm", value));
		}
		else {
			// Any other long run of hex (a 128-digit signature, a file digest) holds no
			// hash or address of its own, and must not leave pieces to the other passes.
			scan.claim(m.start(), m.end());
		}
	}

	private static void base58(Scan scan, int start, String value) {
		int length = value.length();
		if (length >= 86) {
			byte[] raw = decodeBase58(value);
			if (raw != null && raw.length == 64 && hasDigit(value)) {
				scan.hash(start, value, "solana");
			}
			return;
		}
		if (length > 44) {
			return;
		}
		List<String> chains = AddressFormats.chainsOf(value);
		if (!chains.isEmpty()) {
			// Base58 of 32 bytes is also what a long ordinary token could decode to;
			// letters and digits together tell an address from a word.
			if (!"solana".equals(chains.get(0)) || (hasDigit(value) && hasLetter(value))) {
				scan.address(start, value, chains.get(0), true);
			}
			return;
		}
		boolean mixed = hasDigit(value) && hasUpper(value) && hasLower(value);
		if (value.charAt(0) == 'T' && length >= 33 && length <= 36 && mixed) {
			scan.address(start, value, "tron", false);
		}
		else if ((value.charAt(0) == '1' || value.charAt(0) == '3') && length >= 26 && length <= 35 && mixed) {
			scan.address(start, value, "bitcoin", false);
		}
	}

	private void amounts(Scan scan) {
		String text = scan.text;
		Matcher m = NUMBER.matcher(text);
		while (m.find()) {
			if (scan.isClaimed(m.start(), m.end())) {
				continue;
			}
			BigDecimal value = new BigDecimal(m.group().replace(",", ""));
			int start = m.start();
			String sign = currencySign(text, start);
			int p = m.end();
			BigDecimal multiplier = BigDecimal.ONE;
			if (p < text.length() && "kKwWmM".indexOf(text.charAt(p)) >= 0
					&& (p + 1 == text.length() || !isAsciiLetter(text.charAt(p + 1)))) {
				multiplier = latinMultiplier(text.charAt(p));
				p++;
			}
			else {
				int q = skipBlanks(text, p, 1);
				while (q < text.length() && chineseMultiplier(text.charAt(q)) != null) {
					multiplier = multiplier.multiply(chineseMultiplier(text.charAt(q)));
					q++;
				}
				if (q > skipBlanks(text, p, 1)) {
					// "2万多U", "3千余元": about that much; the round figure is what an agent
					// looks for.
					p = q < text.length() && "多余".indexOf(text.charAt(q)) >= 0 ? q + 1 : q;
				}
			}
			if (sign != null) {
				int signStart = start - sign.length() - (start > 0 && text.charAt(start - 1) == ' ' ? 1 : 0);
				String unit = sign.endsWith("$") ? "USD" : sign.equals("€") ? "EUR" : "CNY";
				scan.amount(signStart, normalise(value.multiply(multiplier)), unit, text.substring(signStart, p));
				scan.claim(signStart, p);
				continue;
			}
			int u = skipBlanks(text, p, 2);
			if (u < text.length() && (text.charAt(u) == '个' || text.charAt(u) == '枚')) {
				u = skipBlanks(text, u + 1, 1);
			}
			Match unit = this.dictionary.longestAt(scan, u, true);
			if (unit == null || (unit.term.token == null && unit.term.unit == null)) {
				continue;
			}
			Term term = unit.term;
			// "10 U.S. exchanges": a Latin unit right before ".<letter>" is an
			// abbreviation.
			if (unit.end + 1 < text.length() && text.charAt(unit.end) == '.'
					&& isAsciiLetter(text.charAt(unit.end + 1))) {
				continue;
			}
			scan.amount(start, normalise(value.multiply(multiplier)), term.unit != null ? term.unit : term.token,
					text.substring(start, unit.end));
			scan.record(u, term);
			scan.claim(start, unit.end);
		}
	}

	/** The currency sign written right before a number, or null. */
	private static String currencySign(String text, int start) {
		int i = start > 0 && text.charAt(start - 1) == ' ' ? start - 1 : start;
		if (i == 0) {
			return null;
		}
		char c = text.charAt(i - 1);
		if (c == '¥' || c == '￥' || c == '€') {
			return String.valueOf(c);
		}
		if (c != '$') {
			return null;
		}
		return i >= 3 && text.regionMatches(true, i - 3, "US$", 0, 3) ? text.substring(i - 3, i) : "$";
	}

	private static BigDecimal latinMultiplier(char c) {
		return switch (Character.toLowerCase(c)) {
			case 'k' -> BigDecimal.valueOf(1_000);
			case 'w' -> BigDecimal.valueOf(10_000);
			default -> BigDecimal.valueOf(1_000_000);
		};
	}

	private static BigDecimal chineseMultiplier(char c) {
		return switch (c) {
			case '百' -> BigDecimal.valueOf(100);
			case '千' -> BigDecimal.valueOf(1_000);
			case '万' -> BigDecimal.valueOf(10_000);
			case '亿' -> BigDecimal.valueOf(100_000_000);
			default -> null;
		};
	}

	private static BigDecimal normalise(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private void terms(Scan scan) {
		int i = 0;
		while (i < scan.text.length()) {
			Match match = scan.isClaimed(i, i + 1) ? null : this.dictionary.longestAt(scan, i, false);
			if (match == null) {
				i++;
				continue;
			}
			Term term = match.term;
			boolean counts = !term.amountOnly && (!term.needsContext || hasContext(scan, i, match.end, term));
			if (counts) {
				scan.record(i, term);
				if (term.token != null && !term.impliedToken) {
					amountAfterToken(scan, i, match.end, term.token);
				}
				i = match.end;
			}
			else {
				// An ordinary word is still one word: nothing inside it is a term.
				i = term.latinStart ? match.end : i + 1;
			}
		}
	}

	/**
	 * Takes an amount written after its token ({@code USDT 15,000}, {@code USDT：2000}),
	 * only where nothing after the number could make it a count or a time: the number
	 * must end the sentence or be followed by Chinese that is not a measure word.
	 */
	private static void amountAfterToken(Scan scan, int start, int end, String token) {
		String text = scan.text;
		int p = end;
		if (p < text.length() && (text.charAt(p) == ':' || text.charAt(p) == '：')) {
			p++;
		}
		p = skipBlanks(text, p, 1);
		if (p == end || p >= text.length()) {
			return;
		}
		Matcher m = NUMBER.matcher(text).region(p, text.length()).useTransparentBounds(true);
		if (!m.lookingAt() || scan.isClaimed(m.start(), m.end())) {
			return;
		}
		int after = skipBlanks(text, m.end(), 1);
		char next = after < text.length() ? text.charAt(after) : '.';
		boolean ends = next == '.' || next == ',' || next == '!' || next == '?' || next == ')' || next == '\n'
				|| (next > 0x2e80 && MEASURE_WORDS.indexOf(next) < 0);
		if (!ends) {
			return;
		}
		scan.amount(start, normalise(new BigDecimal(m.group().replace(",", ""))), token,
				text.substring(start, m.end()));
		scan.claim(m.start(), m.end());
	}

	private static boolean hasContext(Scan scan, int start, int end, Term term) {
		String text = scan.text;
		if (term.caps && end - start >= 3) {
			String written = text.substring(start, end);
			if (written.equals(written.toUpperCase(Locale.ROOT))) {
				return true;
			}
		}
		int after = end;
		while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '-')) {
			after++;
		}
		for (String word : CONTEXT_AFTER) {
			if (text.regionMatches(true, after, word, 0, word.length()) && !(isAsciiLetter(word.charAt(0))
					&& after + word.length() < text.length() && isAsciiLetter(text.charAt(after + word.length())))) {
				return true;
			}
		}
		int before = start;
		while (before > 0 && text.charAt(before - 1) == ' ') {
			before--;
		}
		if (before > 0 && CONTEXT_CHARS_BEFORE.indexOf(text.charAt(before - 1)) >= 0) {
			return true;
		}
		int wordStart = before;
		while (wordStart > 0 && isAsciiLetter(text.charAt(wordStart - 1))) {
			wordStart--;
		}
		return CONTEXT_WORDS_BEFORE.contains(text.substring(wordStart, before).toLowerCase(Locale.ROOT));
	}

	private static void appVersion(Scan scan) {
		int best = Integer.MAX_VALUE;
		String version = null;
		for (Pattern pattern : VERSION_PATTERNS) {
			Matcher m = pattern.matcher(scan.text);
			while (m.find()) {
				if (m.start() >= best) {
					break;
				}
				String candidate = m.group("version");
				// Four numbers are an IP address far more often than a version.
				if (scan.isClaimed(m.start(), m.end()) || candidate.chars().filter(c -> c == '.').count() == 3
						|| (pattern != VERSION_AFTER_V && !isAppWord(m) && afterOsWord(scan.text, m.start()))) {
					continue;
				}
				best = m.start();
				version = candidate;
				break;
			}
		}
		scan.appVersion = version;
	}

	private static boolean isAppWord(Matcher m) {
		return m.pattern() == VERSION_AFTER_WORD && m.group("word").regionMatches(true, 0, "app", 0, 3);
	}

	/** Whether an OS name comes right before, as in "iOS version 17.4". */
	private static boolean afterOsWord(String text, int start) {
		String before = text.substring(Math.max(0, start - 12), start).strip().toLowerCase(Locale.ROOT);
		for (String word : OS_WORDS) {
			if (before.endsWith(word)) {
				return true;
			}
		}
		return false;
	}

	private static void os(Scan scan) {
		Matcher m = OS.matcher(scan.text);
		String family = null;
		String version = null;
		while (m.find()) {
			if (scan.isClaimed(m.start(), m.end())) {
				continue;
			}
			String name = m.group(1).toLowerCase(Locale.ROOT).replace(" ", "");
			String found = switch (name) {
				case "ios", "iphone", "苹果手机" -> "iOS";
				case "ipados", "ipad" -> "iPadOS";
				case "android", "安卓" -> "Android";
				case "harmonyos", "鸿蒙" -> "HarmonyOS";
				case "windows", "win" -> "Windows";
				case "linux" -> "Linux";
				default -> "macOS";
			};
			// A device's number is its model, not the version of its system.
			boolean device = name.equals("iphone") || name.equals("ipad") || name.equals("macbook")
					|| name.equals("苹果手机");
			if (family == null) {
				family = found;
			}
			if (family.equals(found) && version == null && !device && m.group(2) != null) {
				version = m.group(2);
			}
		}
		scan.os = family == null ? null : version == null ? family : family + " " + version;
	}

	private static int skipBlanks(String text, int from, int max) {
		int i = from;
		while (i < text.length() && i - from < max && text.charAt(i) == ' ') {
			i++;
		}
		return i;
	}

	private static byte[] decodeBase58(String value) {
		try {
			return Base58.base58Decode(value);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	static boolean isAsciiWordChar(char c) {
		return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
	}

	private static boolean hasDigit(String s) {
		return s.chars().anyMatch(c -> c >= '0' && c <= '9');
	}

	private static boolean hasLetter(String s) {
		return s.chars().anyMatch(c -> isAsciiLetter((char) c));
	}

	private static boolean hasUpper(String s) {
		return s.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
	}

	private static boolean hasLower(String s) {
		return s.chars().anyMatch(c -> c >= 'a' && c <= 'z');
	}

	/** What a dictionary term stands for. */
	record Term(String chain, String token, String unit, String exchange, boolean amountOnly, boolean needsContext,
			boolean caps, boolean impliedToken, boolean latinStart) {
	}

	/** A term found at a position, and where it ends in the text. */
	record Match(Term term, int end) {
	}

	/**
	 * Dictionary terms in a trie keyed by lower-case characters; a blank in a term stands
	 * for any run of blanks in the text. Immutable once loaded.
	 */
	static final class Dictionary {

		private final Node root = new Node();

		static Dictionary load(String resource) {
			InputStream in = EntityExtractor.class.getClassLoader().getResourceAsStream(resource);
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			Dictionary dictionary = new Dictionary();
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				int number = 0;
				while ((line = reader.readLine()) != null) {
					number++;
					line = line.strip();
					if (line.isEmpty() || line.startsWith("#")) {
						continue;
					}
					int equals = line.indexOf('=', 1);
					if (equals < 0) {
						throw new IllegalStateException(resource + " line " + number + ": no '='");
					}
					String term = line.substring(0, equals).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
					dictionary.add(term, parse(term, line.substring(equals + 1), resource, number));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return dictionary;
		}

		private static Term parse(String term, String meaning, String resource, int number) {
			Map<String, String> values = new HashMap<>();
			Set<String> flags = new LinkedHashSet<>();
			for (String part : meaning.strip().split("\\s+")) {
				if (part.isEmpty()) {
					continue;
				}
				int colon = part.indexOf(':');
				if (colon > 0) {
					values.put(part.substring(0, colon), part.substring(colon + 1));
				}
				else {
					flags.add(part);
				}
			}
			Set<String> known = Set.of("chain", "token", "unit", "exchange");
			if (!known.containsAll(values.keySet())
					|| !Set.of("amount-only", "needs-context", "caps", "implied-token").containsAll(flags)) {
				throw new IllegalStateException(resource + " line " + number + ": unknown kind or flag");
			}
			String chain = values.get("chain");
			if (chain != null && !AddressFormats.isKnownChain(chain)) {
				throw new IllegalStateException(resource + " line " + number + ": unknown chain " + chain);
			}
			return new Term(chain, values.get("token"), values.get("unit"), values.get("exchange"),
					flags.contains("amount-only"), flags.contains("needs-context"), flags.contains("caps"),
					flags.contains("implied-token"), isAsciiWordChar(term.charAt(0)));
		}

		private void add(String term, Term meaning) {
			Node node = this.root;
			for (int i = 0; i < term.length(); i++) {
				node = node.children.computeIfAbsent(term.charAt(i), c -> new Node());
			}
			node.term = meaning;
		}

		/**
		 * The longest term that starts at a position as a whole word and covers no
		 * claimed character, or null.
		 * @param afterNumber whether a digit right before still lets a word start, as in
		 * {@code 100USDT}
		 */
		Match longestAt(Scan scan, int start, boolean afterNumber) {
			String text = scan.text;
			if (start >= text.length()) {
				return null;
			}
			boolean wordStart = afterNumber || start == 0 || !isAsciiWordChar(text.charAt(start - 1));
			Match best = null;
			Node node = this.root;
			int i = start;
			while (node != null && i <= text.length()) {
				if (node.term != null && i > start && !scan.isClaimed(start, i)) {
					char last = text.charAt(i - 1);
					boolean wordEnd = !isAsciiWordChar(last) || i == text.length() || !isAsciiWordChar(text.charAt(i));
					if (wordEnd && (wordStart || !node.term.latinStart)) {
						best = new Match(node.term, i);
					}
				}
				if (i == text.length()) {
					break;
				}
				char c = text.charAt(i);
				if (Character.isWhitespace(c)) {
					Node next = node.children.get(' ');
					if (next == null || i == start) {
						break;
					}
					while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
						i++;
					}
					node = next;
					continue;
				}
				node = node.children.get(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
				i++;
			}
			return best;
		}

		private static final class Node {

			private final Map<Character, Node> children = new HashMap<>();

			private Term term;

		}

	}

	/** One message being read: what is claimed so far and what was found. */
	static final class Scan {

		static final String EVM_FROM_CONTEXT = "\0evm";

		static final String PLAIN_FROM_CONTEXT = "\0plain";

		private final String text;

		private final boolean[] claimed;

		private final List<Found<TxHash>> hashes = new ArrayList<>();

		private final List<Found<Address>> addresses = new ArrayList<>();

		private final List<Found<String>> chains = new ArrayList<>();

		private final List<Found<String>> tokens = new ArrayList<>();

		private final List<Found<String>> impliedTokens = new ArrayList<>();

		private final List<Found<Amount>> amounts = new ArrayList<>();

		private final List<Found<String>> exchanges = new ArrayList<>();

		private String appVersion;

		private String os;

		Scan(String text) {
			this.text = text;
			this.claimed = new boolean[text.length()];
		}

		boolean isClaimed(int from, int to) {
			for (int i = from; i < to; i++) {
				if (this.claimed[i]) {
					return true;
				}
			}
			return false;
		}

		void claim(int from, int to) {
			for (int i = from; i < to; i++) {
				this.claimed[i] = true;
			}
		}

		void hash(int at, String value, String chain) {
			this.hashes.add(new Found<>(at, new TxHash(value, chain)));
			claim(at, at + value.length());
		}

		void address(int at, String value, String chain, boolean valid) {
			this.addresses.add(new Found<>(at, new Address(value, chain, valid)));
			claim(at, at + value.length());
		}

		void amount(int at, BigDecimal value, String unit, String written) {
			this.amounts.add(new Found<>(at, new Amount(value, unit, written)));
		}

		void record(int at, Term term) {
			if (term.chain != null) {
				this.chains.add(new Found<>(at, term.chain));
			}
			if (term.token != null) {
				(term.impliedToken ? this.impliedTokens : this.tokens).add(new Found<>(at, term.token));
			}
			if (term.exchange != null) {
				this.exchanges.add(new Found<>(at, term.exchange));
			}
		}

		Entities result() {
			List<String> chainList = ordered(this.chains);
			List<String> tokenList = ordered(this.tokens.isEmpty() ? this.impliedTokens : this.tokens);
			List<String> namedEvm = chainList.stream().filter(AddressFormats::isEvmChain).toList();
			String evm = namedEvm.size() == 1 ? namedEvm.get(0) : "evm";
			List<Address> addressList = new ArrayList<>();
			for (Address a : ordered(this.addresses)) {
				addressList.add(EVM_FROM_CONTEXT.equals(a.chain()) ? new Address(a.value(), evm, a.valid()) : a);
			}
			boolean tron = chainList.contains("tron") || tokenList.contains("TRX")
					|| addressList.stream().anyMatch(a -> a.chain().equals("tron"));
			boolean bitcoin = chainList.contains("bitcoin") || tokenList.contains("BTC")
					|| addressList.stream().anyMatch(a -> a.chain().equals("bitcoin"));
			String plain = tron == bitcoin ? "unknown" : tron ? "tron" : "bitcoin";
			List<TxHash> hashList = new ArrayList<>();
			for (TxHash h : ordered(this.hashes)) {
				String chain = EVM_FROM_CONTEXT.equals(h.chain()) ? evm
						: PLAIN_FROM_CONTEXT.equals(h.chain()) ? plain : h.chain();
				hashList.add(new TxHash(h.value(), chain));
			}
			return new Entities(dedupe(hashList, TxHash::value), dedupe(addressList, Address::value), chainList,
					tokenList, dedupe(ordered(this.amounts), a -> a.value() + " " + a.unit()), ordered(this.exchanges),
					this.appVersion, this.os);
		}

		private static <T> List<T> ordered(List<Found<T>> found) {
			List<Found<T>> sorted = new ArrayList<>(found);
			sorted.sort(Comparator.comparingInt(Found::at));
			return List.copyOf(new LinkedHashSet<>(sorted.stream().map(Found::value).toList()));
		}

		private static <T> List<T> dedupe(List<T> items, Function<T, String> key) {
			Set<String> seen = new HashSet<>();
			return items.stream().filter(item -> seen.add(key.apply(item))).toList();
		}

		private record Found<T>(int at, T value) {
		}

	}

}
