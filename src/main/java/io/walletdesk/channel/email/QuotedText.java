package io.walletdesk.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the quoted history and the signature from a mail's text, so agents see what the
 * customer wrote this time. The full mail stays available as {@code original.eml}.
 */
final class QuotedText {

	private static final Pattern ATTRIBUTION = Pattern.compile(
			"^\\s*(On\\s.{1,200}\\swrote:|在.{1,200}写道[:：]|.{1,200}\\s(schrieb|a écrit)\\s?:)\\s*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
			"^\\s*-{2,}\\s*(Original Message|Forwarded message|原始邮件|原始郵件)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern OUTLOOK_HEADER = Pattern.compile("^\\s*(From|发件人|寄件者)\\s*[:：].*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern OUTLOOK_NEXT = Pattern
		.compile("^\\s*(Sent|Date|To|Subject|发送时间|日期|收件人|主题|寄件日期|主旨)\\s*[:：].*$", Pattern.CASE_INSENSITIVE);

	private QuotedText() {
	}

	static String strip(String text) {
		if (text == null) {
			return null;
		}
		List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.equals("-- ") || line.equals("--") || ORIGINAL_MESSAGE.matcher(line).matches()
					|| ATTRIBUTION.matcher(line).matches() || isOutlookHeader(lines, i)
					|| isWrappedAttribution(lines, i)) {
				break;
			}
			if (line.startsWith(">")) {
				continue;
			}
			kept.add(line);
		}
		String stripped = String.join("\n", kept).strip();
		return stripped.isEmpty() ? text.strip() : stripped;
	}

	/** "From: ..." followed within two lines by "Sent:", "To:" or their Chinese forms. */
	private static boolean isOutlookHeader(List<String> lines, int i) {
		if (!OUTLOOK_HEADER.matcher(lines.get(i)).matches()) {
			return false;
		}
		for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
			if (OUTLOOK_NEXT.matcher(lines.get(j)).matches()) {
				return true;
			}
		}
		return false;
	}

	/** Mail clients wrap long "On ... wrote:" lines in two. */
	private static boolean isWrappedAttribution(List<String> lines, int i) {
		if (i + 1 >= lines.size()) {
			return false;
		}
		String joined = lines.get(i).strip() + " " + lines.get(i + 1).strip();
		return lines.get(i).strip().startsWith("On ") && ATTRIBUTION.matcher(joined).matches()
				|| lines.get(i).strip().startsWith("在")
						&& ATTRIBUTION.matcher(lines.get(i).strip() + lines.get(i + 1).strip()).matches();
	}

	/**
	 * Cuts an HTML body where the quoted part begins (Gmail, Apple Mail, Thunderbird,
	 * Outlook markers); the sanitizer closes what the cut leaves open.
	 */
	static String stripHtml(String html) {
		if (html == null) {
			return null;
		}
		String lower = html.toLowerCase();
		int cut = html.length();
		for (String marker : new String[] { "<div class=\"gmail_quote", "<blockquote type=\"cite\"",
				"<div id=\"divrplyfwdmsg\"", "<div id=\"appendonsend\"", "<div class=\"moz-cite-prefix\"" }) {
			int at = lower.indexOf(marker);
			if (at > 0 && at < cut) {
				cut = at;
			}
		}
		return html.substring(0, cut);
	}

}
