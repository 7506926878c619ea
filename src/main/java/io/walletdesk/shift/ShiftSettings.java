package io.walletdesk.shift;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shift configuration ({@code walletdesk.shift.*}).
 *
 * @param versionCheckInterval how often each node asks whether shifts changed elsewhere
 * @param agentRefreshInterval how often the rota re-reads agents' languages, groups and
 * active state from identity (which announces no changes)
 * @param handlingTime average time an agent spends on one conversation, for the
 * projection
 * @param serviceLevel share of conversations that should be answered within
 * {@code answerWithin}
 * @param answerWithin the waiting time the service level is measured against
 * @param maxOccupancy the highest share of time agents may be busy
 * @param projectionWeeks how many past weeks of arrivals the projection averages
 */
@ConfigurationProperties("walletdesk.shift")
public record ShiftSettings(@DefaultValue("5s") Duration versionCheckInterval,
		@DefaultValue("60s") Duration agentRefreshInterval, @DefaultValue("10m") Duration handlingTime,
		@DefaultValue("0.8") double serviceLevel, @DefaultValue("3m") Duration answerWithin,
		@DefaultValue("0.85") double maxOccupancy, @DefaultValue("4") int projectionWeeks) {
}
