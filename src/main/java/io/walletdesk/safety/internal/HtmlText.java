package io.walletdesk.safety.internal;

import java.util.Set;

/**
 * The text content of an HTML fragment with, for each text character, the range of source
 * characters it came from, so that findings in the text can be mapped back onto the
 * markup.
 * <p>
 * Block-level tags ({@code <br>
 * }, {@code
 *
<p>
 * }, {@code <div>}, {@code
 *
<li>}, ...) become a line break and inline tags become nothing, so a phrase split over
 * {@code <br>
 * } lines or wrapped in {@code <span>}s reads as it is displayed. Script and style
 * content is not text. Character references are decoded one by one here because their
 * source ranges must be kept; library decoders only return the decoded string. Named
 * references beyond the common few are left as written.
 */
public final class HtmlText {

	private static final Set<String> BLOCK_TAGS = Set.of("br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table",
			"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer",
			"dt", "dd", "tbody", "thead");

	private final String text;

	private final int[] from;

	private final int[] to;

	private HtmlText(String text, int[] from, int[] to) {
		this.text = text;
		this.from = from;
		this.to = to;
	}

	/**
	 * Reads an HTML fragment; tolerant of broken markup.
	 * @param html the fragment
	 * @return its text view
	 */
	public static HtmlText of(String html) {
		int length = html.length();
		StringBuilder text = new StringBuilder(length);
		int[] from = new int[length + 1];
		int[] to = new int[length + 1];
		int i = 0;
		while (i < length) {
			char c = html.charAt(i);
			if (c == '<' && i + 1 < length && isTagStart(html.charAt(i + 1))) {
				int end = tagEnd(html, i);
				String name = tagName(html, i + 1, end);
				if (BLOCK_TAGS.contains(name)) {
					append(text, '\n', -1, -1, from, to);
				}
				if (name.equals("script") || name.equals("style")) {
					int close = html.toLowerCase(java.util.Locale.ROOT).indexOf("</" + name, end);
					end = (close < 0) ? length : tagEnd(html, close);
				}
				i = end;
			}
			else if (c == '&') {
				int semicolon = html.indexOf(';', i);
				String decoded = (semicolon > i && semicolon - i <= 10) ? decode(html.substring(i + 1, semicolon))
						: null;
				if (decoded != null) {
					for (int k = 0; k < decoded.length(); k++) {
						append(text, decoded.charAt(k), i, semicolon + 1, from, to);
					}
					i = semicolon + 1;
				}
				else {
					append(text, c, i, i + 1, from, to);
					i++;
				}
			}
			else {
				append(text, c, i, i + 1, from, to);
				i++;
			}
		}
		return new HtmlText(text.toString(), from, to);
	}

	/**
	 * The text content.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Where a text character came from.
	 * @param index a text offset
	 * @return the first source offset, or -1 for a line break that stands for a tag
	 */
	public int sourceStart(int index) {
		return this.from[index];
	}

	/**
	 * Where a text character's source ends.
	 * @param index a text offset
	 * @return the source offset after it, or -1 for a line break that stands for a tag
	 */
	public int sourceEnd(int index) {
		return this.to[index];
	}

	private static void append(StringBuilder text, char c, int start, int end, int[] from, int[] to) {
		int k = text.length();
		if (k >= from.length) {
			return;
		}
		text.append(c);
		from[k] = start;
		to[k] = end;
	}

	private static boolean isTagStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
	}

	private static int tagEnd(String html, int open) {
		if (html.startsWith("<!--", open)) {
			int close = html.indexOf("-->", open + 4);
			return (close < 0) ? html.length() : close + 3;
		}
		char quote = 0;
		for (int i = open + 1; i < html.length(); i++) {
			char c = html.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				return i + 1;
			}
		}
		return html.length();
	}

	private static String tagName(String html, int from, int end) {
		int i = from;
		if (i < end && html.charAt(i) == '/') {
			i++;
		}
		int start = i;
		while (i < end && Character.isLetterOrDigit(html.charAt(i))) {
			i++;
		}
		return html.substring(start, i).toLowerCase(java.util.Locale.ROOT);
	}

	private static String decode(String entity) {
		if (entity.startsWith("#")) {
			try {
				int code = (entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X'))
						? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
				return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return switch (entity) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			case "nbsp" -> "\u00A0";
			default -> null;
		};
	}

}
