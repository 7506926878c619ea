package io.walletdesk.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.walletdesk.channel.spi.ChannelCheck;

/**
 * How one inbox is doing, for admins and supervisors.
 *
 * @param status the summary: {@code ok}, {@code warning}, {@code failing} or
 * {@code disabled}
 * @param problems what is wrong, as codes: {@code missing_credential},
 * {@code expired_credentials}, {@code check_failing}, {@code replies_failing},
 * {@code replies_stuck}, {@code requests_refused}
 * @param lastReceivedAt when the last customer message came in through this inbox
 * @param receivedLastDay customer messages in the last 24 hours
 * @param deliveryFailuresLastDay replies of the last 24 hours whose delivery failed at
 * least once (they may have gone out on a retry since)
 * @param failingReplies replies whose last delivery attempt failed, of any age
 * @param lastDeliveryError the error of the newest of those
 * @param stuckSending replies handed to the channel more than five minutes ago without an
 * outcome
 * @param refusedRequestsLastDay requests to the inbox's endpoint refused for a wrong
 * signature or secret in the last 24 hours (counted since this instance started)
 * @param missingCredentials settings naming an environment variable that is not set
 * @param check the last live check of the channel (credentials, mailbox poll), or null
 * before the first
 * @param checkedAt when that check ran
 */
public record InboxHealth(UUID inboxId, String kind, String name, boolean enabled, String status, List<String> problems,
		Instant lastReceivedAt, long receivedLastDay, long deliveryFailuresLastDay, long failingReplies,
		String lastDeliveryError, long stuckSending, long refusedRequestsLastDay, List<String> missingCredentials,
		ChannelCheck check, Instant checkedAt) {
}
