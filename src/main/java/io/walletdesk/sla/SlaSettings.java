package io.walletdesk.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA configuration ({@code walletdesk.sla.*}).
 *
 * @param sweepInterval pause between two deadline sweeps of a node
 * @param sweepBatch timers one sweep claims per transaction; a sweep repeats batches
 * until nothing is due
 * @param sweepEnabled whether this node sweeps at all (several nodes may all sweep; row
 * claims keep them apart)
 */
@ConfigurationProperties("walletdesk.sla")
public record SlaSettings(@DefaultValue("5s") Duration sweepInterval, @DefaultValue("500") int sweepBatch,
		@DefaultValue("true") boolean sweepEnabled) {
}
