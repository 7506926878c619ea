package io.walletdesk.safety;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Configuration of the safety module.
 *
 * @param officialDomains the company's own domains; their subdomains are official too,
 * and links resembling them are lookalikes
 * @param phishingList an optional block list in the MetaMask phishing-config JSON format
 * (e.g. {@code file:/etc/walletdesk/phishing-config.json}); null for none
 */
@ConfigurationProperties("walletdesk.safety")
public record SafetySettings(List<String> officialDomains, Resource phishingList) {

	public SafetySettings {
		officialDomains = (officialDomains != null) ? List.copyOf(officialDomains) : List.of();
	}

}
