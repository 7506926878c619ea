package io.walletdesk.safety.internal;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.common.net.InternetDomainName;

/**
 * Finds links and bare domains in text: {@code http(s)://} URLs (also the defanged
 * {@code hxxp://}), {@code www.} hosts, and bare {@code name.tld} whose suffix is on the
 * public suffix list (through Guava's {@link InternetDomainName}). Han characters and CJK
 * punctuation end a link, so {@code 请访问brand.com获取} yields {@code brand.com}. Text
 * without a scheme that contains {@code @} is a mail address and is skipped. Safe to
 * share between threads.
 */
public final class LinkCandidates {

	// Bare names whose "suffix" is far more often a file extension than a top-level
	// domain.
	private static final Set<String> FILE_SUFFIXES = Set.of("zip", "mov", "md", "py", "sh", "rs", "exe", "apk");

	private static final String[] SCHEMES = { "https://", "http://", "hxxps://", "hxxp://" };

	private LinkCandidates() {
	}

	/**
	 * The links in a text, in order.
	 * @param text the text
	 * @return the candidates
	 */
	public static List<Candidate> find(String text) {
		List<Candidate> found = new ArrayList<>();
		int length = text.length();
		int i = 0;
		while (i < length) {
			if (delimiter(text.charAt(i))) {
				i++;
				continue;
			}
			int j = i;
			boolean dot = false;
			while (j < length && !delimiter(text.charAt(j))) {
				char c = text.charAt(j);
				dot |= c == '.' || c == ':';
				j++;
			}
			if (dot && j - i >= 4) {
				Candidate candidate = chunk(text, i, j);
				if (candidate != null) {
					found.add(candidate);
				}
			}
			i = j;
		}
		return found;
	}

	private static Candidate chunk(String text, int from, int to) {
		while (from < to && "([{*_~,;".indexOf(text.charAt(from)) >= 0) {
			from++;
		}
		while (to > from && ".,;:!?)]}*_~".indexOf(text.charAt(to - 1)) >= 0) {
			to--;
		}
		if (to - from < 4) {
			return null;
		}
		String chunk = text.substring(from, to);
		String lower = chunk.toLowerCase(Locale.ROOT);
		for (String scheme : SCHEMES) {
			int at = lower.indexOf(scheme);
			if (at >= 0) {
				return withScheme(chunk.substring(at), from + at, scheme.length());
			}
		}
		if (lower.indexOf('@') >= 0 || lower.contains("://") || !plausibleBareHost(lower)) {
			return null;
		}
		int hostEnd = firstOf(chunk, 0, "/?#:");
		boolean pathOrWww = hostEnd < chunk.length() || lower.startsWith("www.");
		Host host = host(chunk.substring(0, hostEnd), false, pathOrWww);
		return (host != null) ? new Candidate(chunk, from, to, host.unicode, host.ascii, null, host.ip) : null;
	}

	private static Candidate withScheme(String url, int start, int schemeLength) {
		int authorityEnd = firstOf(url, schemeLength, "/?#\\");
		String authority = url.substring(schemeLength, authorityEnd);
		String userinfo = null;
		int at = authority.lastIndexOf('@');
		if (at >= 0) {
			userinfo = authority.substring(0, at);
			authority = authority.substring(at + 1);
		}
		String hostPart;
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			hostPart = (close > 0) ? authority.substring(0, close + 1) : authority;
		}
		else {
			int colon = authority.indexOf(':');
			hostPart = (colon >= 0) ? authority.substring(0, colon) : authority;
		}
		Host host = host(hostPart, true, true);
		if (host == null) {
			return null;
		}
		return new Candidate(url, start, start + url.length(), host.unicode, host.ascii,
				(userinfo == null || userinfo.isEmpty()) ? null : userinfo, host.ip);
	}

	private static Host host(String raw, boolean scheme, boolean pathOrWww) {
		String h = raw.toLowerCase(Locale.ROOT);
		while (h.endsWith(".")) {
			h = h.substring(0, h.length() - 1);
		}
		if (h.isEmpty()) {
			return null;
		}
		if (h.startsWith("[") && h.endsWith("]") && h.length() > 2) {
			return scheme ? new Host(h, h, true) : null;
		}
		if (numericLabels(h) && (scheme || h.split("\\.").length == 4)) {
			return new Host(h, h, true);
		}
		for (int i = 0; i < h.length(); i++) {
			char c = h.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.')) {
				return null;
			}
		}
		String ascii;
		String unicode;
		try {
			ascii = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
			unicode = IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!scheme) {
			if (!InternetDomainName.isValid(ascii)) {
				return null;
			}
			InternetDomainName name = InternetDomainName.from(ascii);
			if (!name.isUnderPublicSuffix()) {
				return null;
			}
			if (!pathOrWww && FILE_SUFFIXES.contains(name.publicSuffix().toString())) {
				return null;
			}
		}
		return new Host(unicode, ascii, false);
	}

	/**
	 * A cheap test before the public suffix look-up: a dot inside the host part and,
	 * after the last dot, two or more letters (or a dotted-quad IPv4 address).
	 */
	private static boolean plausibleBareHost(String lower) {
		int end = firstOf(lower, 0, "/?#:");
		int dot = lower.lastIndexOf('.', end - 1);
		if (dot <= 0 || end - dot - 1 < 1) {
			return false;
		}
		boolean letters = end - dot - 1 >= 2;
		for (int i = dot + 1; i < end; i++) {
			char c = lower.charAt(i);
			if (!Character.isLetter(c) && c != '-') {
				letters = false;
			}
		}
		return letters || Character.isDigit(lower.charAt(end - 1));
	}

	/**
	 * Every label is a number in decimal, octal or hex: 192.168.0.1, 3232235521,
	 * 0xC0A80001.
	 */
	private static boolean numericLabels(String host) {
		int labels = 1;
		int start = 0;
		for (int i = 0; i <= host.length(); i++) {
			if (i == host.length() || host.charAt(i) == '.') {
				if (!numeric(host, start, i)) {
					return false;
				}
				if (i < host.length() && ++labels > 4) {
					return false;
				}
				start = i + 1;
			}
		}
		return true;
	}

	private static boolean numeric(String host, int from, int to) {
		boolean hex = to - from > 2 && host.charAt(from) == '0' && host.charAt(from + 1) == 'x';
		int digits = hex ? from + 2 : from;
		if (to == digits || to - digits > (hex ? 8 : 10)) {
			return false;
		}
		for (int i = digits; i < to; i++) {
			char c = host.charAt(i);
			if (!((c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private static int firstOf(String s, int from, String chars) {
		for (int i = from; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return s.length();
	}

	private static boolean delimiter(char c) {
		if (c < 0x80 && Character.isLetterOrDigit(c)) {
			return false;
		}
		return Character.isWhitespace(c) || MnemonicDetector.isHan(c) || (c >= 0x3000 && c <= 0x303F)
				|| (c >= 0xFF00 && c <= 0xFFEF) || Character.isSurrogate(c) || "<>\"'`|{}^“”‘’«»".indexOf(c) >= 0
				|| c == '\u00A0';
	}

	private record Host(String unicode, String ascii, boolean ip) {

	}

	/**
	 * A link as written.
	 *
	 * @param url the link without surrounding punctuation
	 * @param start offset of its first character
	 * @param end offset after its last character
	 * @param host the host in lower case, international labels in Unicode
	 * @param asciiHost the host with international labels in xn-- form
	 * @param userinfo what stands before an {@code @} in the authority, or null
	 * @param ip whether the host is an IP address in any notation
	 */
	public record Candidate(String url, int start, int end, String host, String asciiHost, String userinfo,
			boolean ip) {

	}

}
