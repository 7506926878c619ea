package io.walletdesk.channel.widget;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * The visitors' STOMP endpoint {@code /channels/widget/ws} (plain WebSocket) on the
 * console's broker. Any origin may open it: the widget runs on customers' own sites, and
 * a session is worth nothing without a visitor token in the CONNECT frame.
 */
@Configuration(proxyBeanMethods = false)
class WidgetWebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	static final String ENDPOINT = "/channels/widget/ws";

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint(ENDPOINT).setAllowedOriginPatterns("*");
	}

}
