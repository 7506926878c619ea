package io.walletdesk.channel.webhook;

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
 * Sends agents' replies to the bridge's {@value #REPLY_URL} as signed JSON webhooks. A
 * non-2xx answer or a timeout fails the delivery, and {@code ReplyDelivery} retries it
 * with the same {@code deliveryId}, which the bridge uses to post each reply once.
 */
@Component
class WebhookAdapter implements ChannelAdapter {

	static final String REPLY_URL = "replyUrl";

	private final SignedWebhooks webhooks;

	private final TicketManagement tickets;

	WebhookAdapter(SignedWebhooks webhooks, TicketManagement tickets) {
		this.webhooks = webhooks;
		this.tickets = tickets;
	}

	@Override
	public String id() {
		return WebhookApi.KIND;
	}

	@Override
	public Optional<List<ChannelSetting>> settings() {
		return Optional.of(List.of(ChannelSetting.secretEnv(SignedWebhooks.SECRET_SETTING, true,
				"Environment variable holding the secret shared with the bridge (HMAC-SHA256 signatures both ways)."),
				ChannelSetting.text(REPLY_URL, false,
						"Address of the bridge that receives agents' replies as signed webhooks.")));
	}

	@Override
	public String deliver(Outbound message) throws DeliveryException {
		String url = message.settings().get(REPLY_URL);
		if (url == null || url.isBlank()) {
			throw new DeliveryException("The inbox has no " + REPLY_URL + " to send replies to");
		}
		Instant at = this.tickets.message(message.messageId()).map(TicketView.MessageView::receivedAt).orElse(null);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("conversationId", message.threadKey());
		fields.put("recipient", recipient(message));
		fields.put("text", message.text());
		fields.put("html", message.html());
		this.webhooks.postReply(url, message, at, fields);
		return null;
	}

	private static String recipient(Outbound message) {
		String prefix = WebhookApi.otherHandle(message.inboxId(), "");
		return message.recipient() != null && message.recipient().startsWith(prefix)
				? message.recipient().substring(prefix.length()) : message.recipient();
	}

}
