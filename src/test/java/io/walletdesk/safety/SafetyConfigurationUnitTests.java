package io.walletdesk.safety;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyConfigurationUnitTests {

	private final SafetyConfiguration configuration = new SafetyConfiguration();

	@Test
	void buildsTheEngineFromSettingsWithAPhishingList() {
		ByteArrayResource list = new ByteArrayResource(
				"{\"blacklist\": [\"drain-brand.xyz\"], \"whitelist\": [], \"fuzzylist\": [], \"tolerance\": 2}"
					.getBytes(StandardCharsets.UTF_8));
		LinkChecker links = this.configuration.linkChecker(new SafetySettings(List.of("brand.com"), list));
		SecretScanner scanner = this.configuration.secretScanner(links);
		ScanResult result = scanner.scan("claim at https://drain-brand.xyz or https://help.brand.com");
		assertThat(result.links()).extracting(LinkFinding::verdict)
			.containsExactly(LinkVerdict.LOOKALIKE, LinkVerdict.OFFICIAL);
		assertThat(result.links().get(0).reason()).isEqualTo(LinkReason.BLOCKLIST);
		assertThat(this.configuration.outgoingGuard(scanner).check("Please provide your seed phrase", "en").blocked())
			.isTrue();
	}

	@Test
	void needsNoPhishingListOrDomains() {
		LinkChecker links = this.configuration.linkChecker(new SafetySettings(null, null));
		assertThat(links.officialDomains()).isEmpty();
		assertThat(links.check("https://brand.com").get(0).verdict()).isEqualTo(LinkVerdict.UNRELATED);
	}

}
