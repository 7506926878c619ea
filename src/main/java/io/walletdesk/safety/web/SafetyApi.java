package io.walletdesk.safety.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.safety.LinkFinding;
import io.walletdesk.safety.SafetyGuidance;
import io.walletdesk.safety.ScanResult;
import io.walletdesk.safety.SecretFinding;
import io.walletdesk.safety.SecretScanner;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The safety engine for tools and tuning: the same scanner the intake path uses, without
 * storing anything.
 */
@RestController
@Tag(name = "Safety")
class SafetyApi {

	private final SecretScanner scanner;

	private final SafetyGuidance guidance;

	SafetyApi(SecretScanner scanner, SafetyGuidance guidance) {
		this.scanner = scanner;
		this.guidance = guidance;
	}

	@PostMapping("/api/v1/safety/scan")
	@Operation(summary = "Find secrets and classify links in a text, with offsets into the original")
	ScanResponse scan(@Valid @RequestBody ScanRequest request) {
		if (request.text().length() > 65536) {
			throw new io.walletdesk.platform.PayloadTooLargeException("The text is longer than 65536 characters.");
		}
		ScanResult result = this.scanner.scan(request.text(),
				request.knownAddresses() == null ? List.of() : request.knownAddresses());
		return new ScanResponse(result.redactedText(), result.secrets().stream().map(Secret::of).toList(),
				result.links().stream().map(Link::of).toList());
	}

	@GetMapping("/api/v1/safety/guidance")
	@Operation(summary = "Security guidance snippets in a language, for agents to insert")
	List<Snippet> guidance(@RequestParam(defaultValue = "en") String lang) {
		if (!lang.matches("[a-zA-Z-]{2,10}")) {
			throw new InvalidInputException("lang", "must be a language tag such as en or zh");
		}
		return this.guidance.keys().stream().map(key -> new Snippet(key, this.guidance.get(key, lang))).toList();
	}

	record ScanRequest(@NotNull String text, @Size(max = 50) List<@Size(max = 128) String> knownAddresses) {
	}

	record ScanResponse(String redactedText, List<Secret> secrets, List<Link> links) {
	}

	record Secret(String type, int start, int end, Integer words, String certainty) {

		static Secret of(SecretFinding finding) {
			return new Secret(finding.type().code(), finding.start(), finding.end(),
					finding.words() > 0 ? finding.words() : null, finding.certainty().name().toLowerCase());
		}

	}

	record Link(String url, int start, int end, String host, String verdict, String reason, String resembles) {

		static Link of(LinkFinding finding) {
			return new Link(finding.url(), finding.start(), finding.end(), finding.host(),
					finding.verdict().name().toLowerCase(), finding.reason() == null ? null : finding.reason().code(),
					finding.resembles());
		}

	}

	record Snippet(String key, String text) {
	}

}
