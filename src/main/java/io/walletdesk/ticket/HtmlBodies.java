package io.walletdesk.ticket;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import org.springframework.web.util.HtmlUtils;

/**
 * Cleans HTML that arrives with a message (mail, rich chat) with the OWASP sanitizer, and
 * derives the plain text body from it when none was given.
 */
final class HtmlBodies {

	private static final PolicyFactory SAFE = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.STYLES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br").toFactory());

	private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

	private HtmlBodies() {
	}

	static String sanitize(String html) {
		return html == null ? null : SAFE.sanitize(html);
	}

	static String toText(String html) {
		String blocks = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n");
		return HtmlUtils.htmlUnescape(TEXT_ONLY.sanitize(blocks)).replaceAll("\n{3,}", "\n\n").strip();
	}

}
