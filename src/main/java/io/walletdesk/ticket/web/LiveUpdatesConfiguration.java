package io.walletdesk.ticket.web;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.PendingSecondFactor;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Live updates over STOMP on {@code /ws}: a simple in-memory broker with topics
 * {@code /topic/tickets} and {@code /topic/tickets/{id}}, and per-agent queues
 * {@code /user/queue/...} (the phone channel's call notices). The handshake needs a
 * signed-in console session (the security configuration covers {@code /ws} like every
 * console page) from the same origin; consoles only listen, they never send.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class LiveUpdatesConfiguration implements WebSocketMessageBrokerConfigurer {

	/**
	 * Destinations of the signed-in agent's own queues, e.g. {@code /user/queue/calls}.
	 */
	static final String USER_QUEUES = "/user/queue/";

	private static final String USER_PREFIX = "/user";

	private final TicketManagement tickets;

	LiveUpdatesConfiguration(TicketManagement tickets) {
		this.tickets = tickets;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// No allowed origins set: Spring then accepts the handshake from the page's own
		// origin only.
		registry.addEndpoint("/ws");
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		// "/queue" with the "/user" prefix: messages for one agent only (phone channel:
		// the call an agent answered). Spring resolves "/user/queue/x" per session of
		// the signed-in user, so no agent can listen to another's queue.
		registry.enableSimpleBroker("/topic", "/queue");
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix(USER_PREFIX);
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new SubscriptionGuard(this.tickets));
	}

	/**
	 * Lets signed-in agents subscribe to the ticket topics, a single ticket's only when
	 * they may see that ticket, and refuses everything sent by a client.
	 */
	static final class SubscriptionGuard implements ChannelInterceptor {

		private final TicketManagement tickets;

		SubscriptionGuard(TicketManagement tickets) {
			this.tickets = tickets;
		}

		@Override
		public Message<?> preSend(Message<?> message, MessageChannel channel) {
			StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
			if (stomp == null || stomp.getCommand() == null) {
				return message;
			}
			StompCommand command = stomp.getCommand();
			if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
				agent(stomp.getUser());
			}
			else if (command == StompCommand.SUBSCRIBE) {
				checkSubscription(agent(stomp.getUser()), stomp.getDestination());
			}
			else if (command == StompCommand.SEND) {
				throw new MessageDeliveryException("The console only listens");
			}
			return message;
		}

		private void checkSubscription(AgentPrincipal agent, String destination) {
			if (LiveTicketNotices.ALL_TICKETS.equals(destination) || LiveUpdatesReady.DESTINATION.equals(destination)) {
				return;
			}
			// An agent's own queue (user destination): resolved to the subscriber's
			// session, so it only ever carries messages for them.
			if (destination != null && destination.startsWith(USER_QUEUES) && !destination.contains("..")) {
				return;
			}
			String prefix = LiveTicketNotices.ALL_TICKETS + "/";
			if (destination != null && destination.startsWith(prefix)) {
				Optional<TicketView> ticket = ticketId(destination.substring(prefix.length()))
					.flatMap(this.tickets::find);
				if (ticket.isPresent() && TicketAccess.canSee(agent, ticket.get())) {
					return;
				}
			}
			throw new MessageDeliveryException("Not allowed to subscribe to " + destination);
		}

		private static Optional<UUID> ticketId(String value) {
			try {
				return Optional.of(UUID.fromString(value));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}

		private static AgentPrincipal agent(Principal user) {
			if (user instanceof Authentication authentication && !(authentication instanceof PendingSecondFactor)
					&& authentication.getPrincipal() instanceof AgentPrincipal agent) {
				return agent;
			}
			throw new MessageDeliveryException("Sign in to receive live updates");
		}

	}

}
