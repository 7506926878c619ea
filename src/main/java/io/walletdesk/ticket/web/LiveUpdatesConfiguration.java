package io.walletdesk.ticket.web;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.PendingSecondFactor;
import io.walletdesk.ticket.CustomerLiveSessions;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;

import org.springframework.beans.factory.ObjectProvider;
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
 * {@code /topic/tickets} and {@code /topic/tickets/{id}}, and per-user queues
 * {@code /user/queue/...} (the phone channel's call notices to an agent). The handshake
 * needs a signed-in console session from the same origin or an agent's API token as
 * {@code Authorization: Bearer} (the security configuration covers {@code /ws}); agents
 * listen and send only typing notices ({@code /app/tickets.{id}.typing}).
 * <p>
 * The same broker carries customers' live chats (their own user queues), whose endpoints
 * other modules register; their sessions are admitted and guarded by a
 * {@link CustomerLiveSessions}, never by the agent rules. With several nodes,
 * {@link LiveFanOut} relays the broker's messages to the other nodes.
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

	private final ObjectProvider<CustomerLiveSessions> customers;

	private final ObjectProvider<LiveFanOut.Relay> fanOut;

	LiveUpdatesConfiguration(TicketManagement tickets, ObjectProvider<CustomerLiveSessions> customers,
			ObjectProvider<LiveFanOut.Relay> fanOut) {
		this.tickets = tickets;
		this.customers = customers;
		this.fanOut = fanOut;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// No allowed origins set: Spring then accepts the handshake from the page's own
		// origin only.
		registry.addEndpoint("/ws");
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		// "/queue" with the "/user" prefix: messages for one user only (phone channel:
		// the call an agent answered; web chat visitors). Spring resolves "/user/queue/x"
		// per session of
		// the signed-in user, so nobody can listen to another's queue.
		registry.enableSimpleBroker("/topic", "/queue");
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix(USER_PREFIX);
		// With several nodes, what this node's broker is given goes to the others too.
		this.fanOut.ifAvailable(relay -> registry.configureBrokerChannel().interceptors(relay));
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new SubscriptionGuard(this.tickets, () -> this.customers.orderedStream().toList()));
	}

	/**
	 * Lets signed-in agents subscribe to the ticket topics, a single ticket's only when
	 * they may see that ticket, and send typing notices for tickets they may see; admits
	 * customer sessions only through a {@link CustomerLiveSessions} that recognises them,
	 * and refuses everything else.
	 */
	static final class SubscriptionGuard implements ChannelInterceptor {

		static final Pattern AGENT_TYPING = Pattern.compile("/app/tickets\\.([0-9a-fA-F-]{36})\\.typing");

		private final TicketManagement tickets;

		private final Supplier<List<CustomerLiveSessions>> customers;

		SubscriptionGuard(TicketManagement tickets, Supplier<List<CustomerLiveSessions>> customers) {
			this.tickets = tickets;
			this.customers = customers;
		}

		@Override
		public Message<?> preSend(Message<?> message, MessageChannel channel) {
			StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
			if (stomp == null || stomp.getCommand() == null) {
				return message;
			}
			StompCommand command = stomp.getCommand();
			if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
				if (signedInAgent(stomp.getUser()).isEmpty()) {
					// A customer authenticates in the CONNECT frame (there is no session
					// cookie on a foreign web site); the broker keeps this user for the
					// connection's later frames and for its user queues.
					Principal customer = this.customers.get()
						.stream()
						.map(sessions -> sessions.connect(stomp.toNativeHeaderMap()))
						.flatMap(Optional::stream)
						.findFirst()
						.orElseThrow(() -> new MessageDeliveryException("Sign in to receive live updates"));
					stomp.setUser(customer);
				}
				return message;
			}
			if (command != StompCommand.SUBSCRIBE && command != StompCommand.SEND) {
				return message;
			}
			Optional<AgentPrincipal> agent = signedInAgent(stomp.getUser());
			if (agent.isEmpty()) {
				checkCustomer(stomp.getUser(), command, stomp.getDestination());
			}
			else if (command == StompCommand.SUBSCRIBE) {
				checkSubscription(agent.get(), stomp.getDestination());
			}
			else {
				checkSend(agent.get(), stomp.getDestination());
			}
			return message;
		}

		private void checkCustomer(Principal user, StompCommand command, String destination) {
			CustomerLiveSessions sessions = this.customers.get()
				.stream()
				.filter(candidate -> user != null && candidate.owns(user))
				.findFirst()
				.orElseThrow(() -> new MessageDeliveryException("Sign in to receive live updates"));
			boolean allowed = command == StompCommand.SUBSCRIBE ? sessions.maySubscribe(user, destination)
					: sessions.maySend(user, destination);
			if (!allowed) {
				throw new MessageDeliveryException("Not allowed: " + command + " " + destination);
			}
		}

		private void checkSend(AgentPrincipal agent, String destination) {
			Matcher typing = AGENT_TYPING.matcher(destination == null ? "" : destination);
			if (typing.matches()) {
				Optional<TicketView> ticket = ticketId(typing.group(1)).flatMap(this.tickets::find);
				if (ticket.isPresent() && TicketAccess.canSee(agent, ticket.get())) {
					return;
				}
			}
			throw new MessageDeliveryException("The console only sends typing notices for tickets it may see");
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

		private static Optional<AgentPrincipal> signedInAgent(Principal user) {
			if (user instanceof Authentication authentication && !(authentication instanceof PendingSecondFactor)
					&& authentication.getPrincipal() instanceof AgentPrincipal agent) {
				return Optional.of(agent);
			}
			return Optional.empty();
		}

	}

}
