package io.walletdesk.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives failed cross-module reactions (a reply the channel refused, a listener that
 * crashed) another try. Outstanding publications are also republished at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); listeners
 * must be idempotent because a retry may repeat work that partly succeeded.
 */
@Component
class EventRetries {

	private final IncompleteEventPublications incomplete;

	private final Settings settings;

	EventRetries(IncompleteEventPublications incomplete, Settings settings) {
		this.incomplete = incomplete;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${walletdesk.events.retry-interval:60s}", initialDelayString = "60s")
	void retry() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.settings.retryAfter());
	}

	/**
	 * @param retryInterval how often failed publications are retried
	 * @param retryAfter how old a publication must be before it counts as failed
	 */
	@ConfigurationProperties("walletdesk.events")
	record Settings(@DefaultValue("60s") Duration retryInterval, @DefaultValue("30s") Duration retryAfter) {
	}

}
