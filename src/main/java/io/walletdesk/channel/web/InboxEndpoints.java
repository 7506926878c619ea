package io.walletdesk.channel.web;

import java.util.List;

import io.walletdesk.channel.InboxView;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the outside world must call or embed for an inbox, built from the address the
 * admin reached WalletDesk at (so behind a proxy that forwards its host, the public
 * address).
 */
final class InboxEndpoints {

	private InboxEndpoints() {
	}

	/** The base address of the current request, without a trailing slash. */
	static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString().replaceAll("/+$", "");
	}

	/**
	 * @param name what it is, as a message key suffix ({@code endpoint.<name>})
	 * @param value the URL or snippet to copy
	 */
	record Endpoint(String name, String value) {
	}

	static List<Endpoint> of(InboxView inbox, String base) {
		String key = inbox.publicKey();
		return switch (inbox.kind()) {
			case "telegram" -> List.of(new Endpoint("telegram_webhook", base + "/channels/telegram/" + key));
			case "wechat" -> List.of(new Endpoint("wechat_server_url", base + "/channels/wechat/" + key));
			case "web_chat" -> List.of(new Endpoint("widget_snippet",
					"<script src=\"" + base + "/widget.js\" data-inbox=\"" + key + "\" async></script>"));
			case "in_app" -> List.of(new Endpoint("app_api_base", base + "/channels/app/" + key));
			case "webhook" ->
				List.of(new Endpoint("webhook_messages", base + "/channels/webhook/" + key + "/messages"));
			case "phone" -> List.of(new Endpoint("phone_events", base + "/channels/phone/" + key + "/events"));
			default -> List.of();
		};
	}

}
