package io.walletdesk.triage.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Turns a message into the features the triage classifiers weigh.
 * <p>
 * Chinese has no spaces, so Chinese runs give character unigrams and bigrams (the usual
 * features for short-text classification, robust to the slang and typos of chat
 * messages); Traditional Chinese is first converted to Simplified with ICU so both share
 * features. Latin words are lower-cased and stemmed with OpenNLP's Snowball stemmer and
 * also give word bigrams. Hashes, addresses, links, numbers and redaction placeholders
 * become class tokens, since their exact digits mean nothing to a category. A few shape
 * features (exclamation marks, shouting, length) carry sentiment and urgency.
 * <p>
 * Thread-safe: the stemmer, which is not, is kept per thread.
 */
public final class TextFeatures {

	private static final Pattern SECRET = Pattern.compile("\\[redacted: ([^\\]]{1,40})\\]");

	private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s，。]+");

	private static final Pattern EVM_HASH = Pattern.compile("(?i)\\b0x[0-9a-f]{64}\\b");

	private static final Pattern EVM_ADDRESS = Pattern
		.compile("(?i)\\b0x[0-9a-f]{6,40}\\b|\\b0x[0-9a-f]{3,8}(?:\\.{2,3}|…)[0-9a-f]{3,8}\\b");

	private static final Pattern HEX_64 = Pattern.compile("(?i)\\b[0-9a-f]{64}\\b");

	private static final Pattern TRON_ADDRESS = Pattern.compile("\\bT[1-9A-HJ-NP-Za-km-z]{20,34}\\b");

	private static final Pattern BTC_ADDRESS = Pattern
		.compile("(?i)\\bbc1[0-9a-z]{20,70}\\b|\\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\\b");

	private static final ThreadLocal<SnowballStemmer> STEMMER = ThreadLocal
		.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

	/**
	 * ICU's Traditional-to-Simplified conversion, character by character, tabled once for
	 * the Basic Multilingual Plane: running the transliterator on every message cost more
	 * than the classifiers themselves.
	 */
	private static final char[] TO_SIMPLIFIED = simplifiedTable();

	private TextFeatures() {
	}

	/**
	 * @param text a message, redacted
	 * @return its features, each once, in first-seen order
	 */
	public static String[] of(String text) {
		Set<String> features = new LinkedHashSet<>();
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
		Matcher secret = SECRET.matcher(normalized);
		while (secret.find()) {
			features.add("secret");
			features.add("secret=" + secret.group(1).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT));
		}
		String s = SECRET.matcher(normalized).replaceAll(" ");
		s = replace(s, URL, " xurlx ", features, "has_url");
		s = replace(s, EVM_HASH, " xtxhashx ", features, "has_txhash");
		s = replace(s, HEX_64, " xtxhashx ", features, "has_txhash");
		s = replace(s, EVM_ADDRESS, " xaddrx ", features, "has_address");
		s = replace(s, TRON_ADDRESS, " xaddrx ", features, "has_address");
		s = replace(s, BTC_ADDRESS, " xaddrx ", features, "has_address");
		if (hasHan(s)) {
			s = simplified(s);
		}
		Cues.addTo(s.toLowerCase(Locale.ROOT), features);
		tokens(s, features);
		shape(text, features);
		return features.toArray(String[]::new);
	}

	private static String replace(String s, Pattern pattern, String token, Set<String> features, String flag) {
		Matcher m = pattern.matcher(s);
		if (!m.find()) {
			return s;
		}
		features.add(flag);
		return m.replaceAll(token);
	}

	private static char[] simplifiedTable() {
		Transliterator transliterator = Transliterator.getInstance("Traditional-Simplified");
		char[] table = new char[0x10000];
		for (int c = 0; c < table.length; c++) {
			table[c] = (char) c;
			if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				String simple = transliterator.transliterate(String.valueOf((char) c));
				if (simple.length() == 1) {
					table[c] = simple.charAt(0);
				}
			}
		}
		return table;
	}

	private static String simplified(String s) {
		char[] chars = s.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = TO_SIMPLIFIED[chars[i]];
		}
		return new String(chars);
	}

	private static boolean hasHan(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
				return true;
			}
		}
		return false;
	}

	private static void tokens(String s, Set<String> features) {
		SnowballStemmer stemmer = STEMMER.get();
		String previousWord = null;
		int previousHan = -1;
		int i = 0;
		int n = s.length();
		while (i < n) {
			int cp = s.codePointAt(i);
			int width = Character.charCount(cp);
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				String c = new String(Character.toChars(cp));
				features.add("c=" + c);
				if (previousHan >= 0) {
					features.add("b=" + new String(Character.toChars(previousHan)) + c);
				}
				previousHan = cp;
				previousWord = null;
				i += width;
			}
			else if (Character.isLetterOrDigit(cp)) {
				int start = i;
				while (i < n && (Character.isLetterOrDigit(s.codePointAt(i)) || s.charAt(i) == '\'')
						&& Character.UnicodeScript.of(s.codePointAt(i)) != Character.UnicodeScript.HAN) {
					i += Character.charCount(s.codePointAt(i));
				}
				String word = s.substring(start, i).toLowerCase(Locale.ROOT).replace("'", "");
				String token = word.chars().allMatch(Character::isDigit) ? "#num" : stemmer.stem(word).toString();
				features.add("w=" + token);
				if (previousWord != null) {
					features.add("w2=" + previousWord + "_" + token);
				}
				previousWord = token;
				previousHan = -1;
			}
			else {
				if (!Character.isWhitespace(cp)) {
					previousWord = null;
				}
				previousHan = -1;
				i += width;
			}
		}
	}

	private static void shape(String text, Set<String> features) {
		int exclamations = 0;
		int questions = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '!' || c == '！') {
				exclamations++;
			}
			else if (c == '?' || c == '？') {
				questions++;
			}
		}
		if (exclamations > 0) {
			features.add(exclamations > 1 ? "shape=exclaim2" : "shape=exclaim");
		}
		if (questions > 1) {
			features.add("shape=questions");
		}
		// Tickers (USDT, TRC20) are upper case too: shouting is most of the words in
		// capitals.
		int shouted = 0;
		int words = 0;
		for (String word : text.split("\\s+")) {
			long letters = word.chars().filter(ch -> ch < 128 && Character.isLetter(ch)).count();
			if (letters < 2) {
				continue;
			}
			words++;
			if (letters >= 3 && word.chars().noneMatch(Character::isLowerCase)) {
				shouted++;
			}
		}
		if (shouted >= 3 && shouted * 2 > words) {
			features.add("shape=shout");
		}
		int length = text.codePointCount(0, text.length());
		features.add(length < 12 ? "len=tiny" : length < 60 ? "len=short" : length < 240 ? "len=medium" : "len=long");
	}

}
