package io.walletdesk.triage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Triage configuration ({@code walletdesk.triage.*}).
 *
 * @param retrainCron when the nightly retraining runs (Spring cron, server time zone)
 * @param correctionWindowDays how far back agents' corrections count as recent when a
 * candidate model is evaluated
 */
@ConfigurationProperties("walletdesk.triage")
public record TriageSettings(@DefaultValue("0 30 3 * * *") String retrainCron,
		@DefaultValue("90") int correctionWindowDays) {
}
