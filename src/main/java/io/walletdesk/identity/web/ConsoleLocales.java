package io.walletdesk.identity.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.PendingSecondFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Picks the console language: the language switcher's cookie first, then the signed-in
 * agent's preference, then the browser's {@code Accept-Language}. Only English and
 * Simplified Chinese are offered; anything else falls back to one of them, so a page is
 * never in a third language.
 */
class ConsoleLocales extends CookieLocaleResolver {

	static final String COOKIE = "walletdesk-lang";

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	ConsoleLocales() {
		super(COOKIE);
		setCookieMaxAge(Duration.ofDays(365));
		setCookieHttpOnly(true);
		setCookieSameSite("Lax");
		setLanguageTagCompliant(true);
		setDefaultLocaleFunction(ConsoleLocales::preferred);
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
			LocaleContext localeContext) {
		Locale requested = localeContext == null ? null : localeContext.getLocale();
		Locale supported = requested == null ? null : supported(requested);
		super.setLocaleContext(request, response, supported == null ? null : new SimpleLocaleContext(supported));
	}

	@Override
	protected Locale parseLocaleValue(String value) {
		Locale parsed = super.parseLocaleValue(value);
		return parsed == null ? null : supported(parsed);
	}

	private static Locale preferred(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && !(authentication instanceof PendingSecondFactor)
				&& authentication.getPrincipal() instanceof AgentPrincipal agent && agent.language() != null) {
			Locale preference = supported(Locale.forLanguageTag(agent.language()));
			if (preference != null) {
				return preference;
			}
		}
		for (Locale accepted : Collections.list(request.getLocales())) {
			Locale match = supported(accepted);
			if (match != null) {
				return match;
			}
		}
		return Locale.ENGLISH;
	}

	/**
	 * The offered locale for a requested one, or null. Every Chinese variant gets
	 * Simplified Chinese: closer to what a Traditional Chinese reader wants than English
	 * is.
	 */
	static Locale supported(Locale requested) {
		return switch (requested.getLanguage()) {
			case "zh" -> Locale.SIMPLIFIED_CHINESE;
			case "en" -> Locale.ENGLISH;
			default -> null;
		};
	}

}
