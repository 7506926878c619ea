package io.walletdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives failed cross-module reactions (a reply the channel refused, a listener that
 * crashed) another try, and resubmits a publication that has waited for its listener
 * longer than {@code walletdesk.events.stuck-after}. Outstanding publications are also
 * republished at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); listeners
 * must be idempotent because a retry may repeat work that partly succeeded.
 */
@Component
class EventRetries {

	private final IncompleteEventPublications incomplete;

	private final Settings settings;

	private final Clock clock;

	EventRetries(IncompleteEventPublications incomplete, Settings settings, Clock clock) {
		this.incomplete = incomplete;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${walletdesk.events.retry-interval:60s}", initialDelayString = "60s")
	void retry() {
		// Only publications whose listener failed, or that waited far too long for one (a
		// lost hand-over): a publication still queued for the task executor under load
		// is not failed, and resubmitting it would queue the same work twice and deepen
		// the backlog.
		Instant stuck = this.clock.instant().minus(this.settings.stuckAfter());
		this.incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
			.withMinAge(this.settings.retryAfter())
			.withFilter(publication -> publication.getStatus() == EventPublication.Status.FAILED
					|| publication.getPublicationDate().isBefore(stuck)));
	}

	/**
	 * @param retryInterval how often failed publications are retried
	 * @param retryAfter how old a failed publication must be before it is retried
	 * @param stuckAfter how long a publication may wait for its listener before it counts
	 * as lost and is resubmitted
	 */
	@ConfigurationProperties("walletdesk.events")
	record Settings(@DefaultValue("60s") Duration retryInterval, @DefaultValue("30s") Duration retryAfter,
			@DefaultValue("15m") Duration stuckAfter) {
	}

}
