package io.walletdesk.triage.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the language of a support message from its scripts: Chinese, English or a
 * substantial mix of both (the cases the taxonomy names), and by script the other
 * languages wallet users write in (Japanese, Korean, Russian, Thai, Arabic, Hindi), plus
 * Vietnamese, Turkish, Spanish, Portuguese and Indonesian from their letters and common
 * words.
 * <p>
 * Written here rather than taken from a library: general detectors (Lingua, Optimaize)
 * ship profiles for dozens of languages that weigh tens of megabytes or are no longer
 * kept, and they misread short chat messages full of tickers, hashes and addresses, which
 * this one removes before counting.
 */
public final class LanguageDetector {

	private static final Pattern NOISE = Pattern.compile(
			"(?i)\\[redacted: [^\\]]{1,40}\\]|https?://\\S+|\\b0x[0-9a-f]+\\b|\\b[0-9a-f]{20,}\\b|\\b[13T][1-9A-HJ-NP-Za-km-z]{25,34}\\b|\\bbc1[0-9a-z]{20,}\\b");

	/** Crypto words that appear inside Chinese messages without making them mixed. */
	private static final Set<String> TERMS = Set.of("usdt", "usdc", "eth", "btc", "trx", "bnb", "sol", "trc20", "erc20",
			"bep20", "bsc", "tron", "app", "dapp", "nft", "okx", "okex", "binance", "htx", "huobi", "gate", "bybit",
			"metamask", "gas", "swap", "defi", "ios", "android", "id", "ok", "pin", "face", "usd", "tx", "hash",
			"wallet", "walletconnect", "uniswap", "pancakeswap", "kyc", "otc", "apk", "bug", "pending", "iphone",
			"imtoken", "tokenpocket", "ledger", "trust", "arb", "matic", "polygon", "arbitrum", "solana", "ton", "u");

	private static final Set<String> ENGLISH = Set.of("the", "and", "is", "to", "my", "i", "it", "you", "not", "in",
			"of", "for", "please", "can", "have", "this", "what", "how", "help", "was", "but", "me", "on", "with");

	private static final Set<String> SPANISH = Set.of("el", "la", "los", "las", "que", "por", "para", "mi", "una", "es",
			"no", "con", "pero", "ayuda", "cuenta", "dinero", "tengo", "hola");

	private static final Set<String> PORTUGUESE = Set.of("o", "os", "que", "não", "nao", "meu", "minha", "uma", "com",
			"para", "por", "ajuda", "conta", "dinheiro", "olá", "ola", "você", "voce", "está", "esta");

	private static final Set<String> INDONESIAN = Set.of("saya", "tidak", "yang", "dan", "di", "ke", "bisa", "tolong",
			"sudah", "belum", "dompet", "dana", "apa", "ini", "itu", "kenapa");

	private LanguageDetector() {
	}

	/**
	 * @param text a message
	 * @return a BCP-47 primary tag, {@code mixed} for Chinese mixed substantially with
	 * English, or {@code und} when there is nothing to tell from
	 */
	public static String detect(String text) {
		String s = NOISE.matcher(text).replaceAll(" ");
		int han = 0;
		int kana = 0;
		int hangul = 0;
		int cyrillic = 0;
		int thai = 0;
		int arabic = 0;
		int devanagari = 0;
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			i += Character.charCount(cp);
			switch (Character.UnicodeScript.of(cp)) {
				case HAN -> han++;
				case HIRAGANA, KATAKANA -> kana++;
				case HANGUL -> hangul++;
				case CYRILLIC -> cyrillic++;
				case THAI -> thai++;
				case ARABIC -> arabic++;
				case DEVANAGARI -> devanagari++;
				default -> {
				}
			}
		}
		if (kana > 0 && kana * 5 >= han) {
			return "ja";
		}
		if (hangul > 3) {
			return "ko";
		}
		int latinWords = 0;
		int latinLetters = 0;
		int english = 0;
		int spanish = 0;
		int portuguese = 0;
		int indonesian = 0;
		boolean vietnamese = false;
		boolean turkish = false;
		for (String word : s.toLowerCase(Locale.ROOT).split("[^\\p{IsLatin}']+")) {
			if (word.isEmpty()) {
				continue;
			}
			if (word.matches(".*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ].*")) {
				vietnamese = true;
			}
			if (word.matches(".*[ğış].*")) {
				turkish = true;
			}
			english += ENGLISH.contains(word) ? 1 : 0;
			spanish += SPANISH.contains(word) ? 1 : 0;
			portuguese += PORTUGUESE.contains(word) ? 1 : 0;
			indonesian += INDONESIAN.contains(word) ? 1 : 0;
			if (!TERMS.contains(word)) {
				latinWords++;
				latinLetters += word.length();
			}
		}
		if (han > 0) {
			// Chinese with a few English words is still Chinese; "mixed" is when English
			// carries a real part of the message.
			return latinWords >= 3 && latinLetters * 2 >= han ? "mixed" : "zh";
		}
		int scripts = Math.max(Math.max(cyrillic, thai), Math.max(arabic, devanagari));
		if (scripts > latinLetters) {
			return cyrillic == scripts ? "ru" : thai == scripts ? "th" : arabic == scripts ? "ar" : "hi";
		}
		if (latinWords == 0) {
			return latinLetters == 0 && english == 0 ? "und" : "en";
		}
		if (vietnamese) {
			return "vi";
		}
		if (turkish) {
			return "tr";
		}
		int best = Math.max(Math.max(spanish, portuguese), indonesian);
		if (best >= 2 && best > english) {
			return best == indonesian ? "id" : (portuguese >= spanish ? "pt" : "es");
		}
		return "en";
	}

}
