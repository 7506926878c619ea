package io.walletdesk.channel.phone;

import java.time.Instant;

/**
 * One event of the generic CTI webhook, as the telephony bridge sends it.
 *
 * @param event {@code ringing}, {@code answered} or {@code ended}
 * @param from the calling number
 * @param to the called number
 * @param direction {@code inbound} (the customer calls; the customer is {@code from}) or
 * {@code outbound} (the customer is {@code to})
 * @param agent who took the call: username, e-mail or an extension mapped by the inbox
 * setting {@code extensions}
 * @param at when the event happened
 */
record CtiEvent(String callId, String event, String from, String to, String direction, String agent, Instant at,
		Integer durationSeconds, String recordingUrl, String callerName) {

	static final String RINGING = "ringing";

	static final String ANSWERED = "answered";

	static final String ENDED = "ended";

}
