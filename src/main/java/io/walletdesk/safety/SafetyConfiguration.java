package io.walletdesk.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the safety engine available as beans, configured by {@link SafetySettings}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SafetySettings.class)
class SafetyConfiguration {

	@Bean
	LinkChecker linkChecker(SafetySettings settings) {
		return new LinkChecker(settings.officialDomains(), phishingList(settings));
	}

	@Bean
	SecretScanner secretScanner(LinkChecker linkChecker) {
		return new SecretScanner(linkChecker);
	}

	@Bean
	OutgoingGuard outgoingGuard(SecretScanner secretScanner) {
		return new OutgoingGuard(secretScanner);
	}

	@Bean
	SafetyGuidance safetyGuidance() {
		return new SafetyGuidance();
	}

	private static PhishingList phishingList(SafetySettings settings) {
		if (settings.phishingList() == null) {
			return PhishingList.EMPTY;
		}
		try (InputStream in = settings.phishingList().getInputStream()) {
			return PhishingList.parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the phishing list " + settings.phishingList(), ex);
		}
	}

}
