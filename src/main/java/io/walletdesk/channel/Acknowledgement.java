package io.walletdesk.channel;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The automatic reply a customer gets when their first message opened a ticket: received,
 * the ticket number, and when to expect an answer, in Chinese or English. An inbox can
 * turn it off ({@code acknowledge=false}) and name its own expected response time in
 * minutes ({@code expectedResponseMinutes}); otherwise
 * {@code walletdesk.channel.expected-response} applies.
 */
@Component
class Acknowledgement {

	static final String ACKNOWLEDGE = "acknowledge";

	static final String EXPECTED_RESPONSE_MINUTES = "expectedResponseMinutes";

	private final Duration expectedResponse;

	private final ChannelAdapters adapters;

	Acknowledgement(@Value("${walletdesk.channel.expected-response:5m}") Duration expectedResponse,
			ChannelAdapters adapters) {
		this.expectedResponse = expectedResponse;
		this.adapters = adapters;
	}

	/**
	 * Unless the inbox turned it off, or its channel has no adapter to send replies with
	 * (the acknowledgement would only sit in the ticket).
	 */
	boolean wanted(InboxView inbox) {
		return !"false".equalsIgnoreCase(inbox.settings().getOrDefault(ACKNOWLEDGE, "true").trim())
				&& this.adapters.forKind(inbox.kind()).isPresent();
	}

	Duration expectedResponse(InboxView inbox) {
		String minutes = inbox.settings().get(EXPECTED_RESPONSE_MINUTES);
		if (minutes != null) {
			try {
				long value = Long.parseLong(minutes.trim());
				if (value > 0) {
					return Duration.ofMinutes(value);
				}
			}
			catch (NumberFormatException ex) {
				// A mistyped setting must not keep the customer from their
				// acknowledgement;
				// the default applies.
			}
		}
		return this.expectedResponse;
	}

	String text(InboxView inbox, String language, String ticketNumber) {
		Duration expected = expectedResponse(inbox);
		if ("zh".equals(language)) {
			return "您好，我们已收到您的消息，工单编号为 " + ticketNumber + "。客服人员将在" + within(expected, "zh") + "回复您，请耐心等待。";
		}
		return "Thank you, we have received your message. Your ticket number is " + ticketNumber
				+ ". A support agent will reply " + within(expected, "en") + ".";
	}

	/**
	 * "within 5 minutes" / "5 分钟内", in the largest whole unit (days, hours, minutes).
	 */
	static String within(Duration duration, String language) {
		long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
		long amount;
		String en;
		String zh;
		if (minutes % (24 * 60) == 0) {
			amount = minutes / (24 * 60);
			en = "day";
			zh = "天";
		}
		else if (minutes % 60 == 0) {
			amount = minutes / 60;
			en = "hour";
			zh = "小时";
		}
		else {
			amount = minutes;
			en = "minute";
			zh = "分钟";
		}
		if ("zh".equals(language)) {
			return " " + amount + " " + zh + "内";
		}
		return "within " + amount + " " + en + (amount == 1 ? "" : "s");
	}

}
