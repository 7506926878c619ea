package io.walletdesk.channel.app;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.walletdesk.channel.SignedWebhooks;
import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.ChannelSetting;
import io.walletdesk.channel.spi.DeliveryException;
import io.walletdesk.channel.spi.Outbound;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;

import org.springframework.stereotype.Component;

/**
 * Delivers agents' replies to an app. A reply is stored before it gets here, so the app's
 * polling already finds it; when the inbox has a {@value #WEBHOOK_URL}, the reply is also
 * pushed to the app's backend as a signed JSON webhook (same secret and headers as the
 * app's own requests), so it can notify the user. A non-2xx answer or a timeout fails the
 * delivery and {@code ReplyDelivery} retries it with the same {@code deliveryId}.
 */
@Component
class AppAdapter implements ChannelAdapter {

	static final String WEBHOOK_URL = "webhookUrl";

	private final SignedWebhooks signed;

	private final TicketManagement tickets;

	AppAdapter(SignedWebhooks signed, TicketManagement tickets) {
		this.signed = signed;
		this.tickets = tickets;
	}

	@Override
	public String id() {
		return AppApi.KIND;
	}

	@Override
	public Optional<List<ChannelSetting>> settings() {
		return Optional.of(List.of(ChannelSetting.secretEnv(SignedWebhooks.SECRET_SETTING, true,
				"Environment variable holding the app's signing secret (HMAC-SHA256, shared with the app's backend)."),
				ChannelSetting.text(WEBHOOK_URL, false,
						"HTTPS address of the app's backend that receives agents' replies as signed webhooks; without it the app polls.")));
	}

	@Override
	public String deliver(Outbound message) throws DeliveryException {
		String url = message.settings().get(WEBHOOK_URL);
		if (url == null || url.isBlank()) {
			return null;
		}
		Instant at = this.tickets.message(message.messageId()).map(TicketView.MessageView::receivedAt).orElse(null);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("userId", message.threadKey());
		fields.put("text", message.text());
		this.signed.postReply(url, message, at, fields);
		return null;
	}

}
