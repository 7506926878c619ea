package io.walletdesk.ticket.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeType;

/**
 * Live updates across several application nodes: every message this node hands to its
 * STOMP broker for a topic or a user ({@code /topic/...}, {@code /user/{name}/...}) is
 * also published to the RabbitMQ fanout exchange {@value #EXCHANGE}; every node consumes
 * the exchange through its own temporary queue and hands what other nodes published to
 * its local broker, which delivers it to the sessions connected here (a user's queue is
 * resolved to their sessions on each node). Each node keeps its in-memory broker, so the
 * destinations, the subscription guard and the clients stay exactly as on one node.
 * <p>
 * Active with {@code walletdesk.live.fan-out=rabbitmq}; RabbitMQ's address comes from
 * {@code spring.rabbitmq.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "walletdesk.live.fan-out", havingValue = "rabbitmq")
class LiveFanOut {

	static final String EXCHANGE = "walletdesk.live";

	/** The node that published a message, so that it does not deliver it twice. */
	static final String ORIGIN = "walletdesk-origin";

	/** The STOMP destination of a relayed message. */
	static final String DESTINATION = "walletdesk-destination";

	/** Marks a message this node received from another, so it is not published again. */
	private static final String RELAYED = "walletdesk-relayed";

	private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

	@Bean
	FanoutExchange liveFanOutExchange() {
		return new FanoutExchange(EXCHANGE, false, false);
	}

	/** This node's queue: exclusive, gone when the node disconnects. */
	@Bean
	AnonymousQueue liveFanOutQueue() {
		return new AnonymousQueue();
	}

	@Bean
	Binding liveFanOutBinding(FanoutExchange liveFanOutExchange, AnonymousQueue liveFanOutQueue) {
		return BindingBuilder.bind(liveFanOutQueue).to(liveFanOutExchange);
	}

	@Bean
	Relay liveFanOutRelay(RabbitTemplate rabbit, @Lazy @Qualifier("brokerChannel") MessageChannel brokerChannel) {
		return new Relay(rabbit, brokerChannel);
	}

	/**
	 * Publishes this node's topic and user messages and delivers other nodes' messages to
	 * the local broker.
	 */
	static final class Relay implements ChannelInterceptor {

		private final String node = UUID.randomUUID().toString();

		private final RabbitTemplate rabbit;

		private final MessageChannel brokerChannel;

		Relay(RabbitTemplate rabbit, MessageChannel brokerChannel) {
			this.rabbit = rabbit;
			this.brokerChannel = brokerChannel;
		}

		String node() {
			return this.node;
		}

		@Override
		public Message<?> preSend(Message<?> message, MessageChannel channel) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
			String destination = headers.getDestination();
			if (headers.getMessageType() == SimpMessageType.MESSAGE && destination != null
					&& (destination.startsWith("/topic/") || destination.startsWith("/user/"))
					&& message.getHeaders().get(RELAYED) == null && message.getPayload() instanceof byte[] payload) {
				publish(destination, headers.getContentType(), payload);
			}
			return message;
		}

		private void publish(String destination, MimeType contentType, byte[] payload) {
			MessageProperties properties = new MessageProperties();
			properties.setHeader(ORIGIN, this.node);
			properties.setHeader(DESTINATION, destination);
			if (contentType != null) {
				properties.setContentType(contentType.toString());
			}
			try {
				this.rabbit.send(EXCHANGE, "", new org.springframework.amqp.core.Message(payload, properties));
			}
			catch (RuntimeException ex) {
				// A live update is a hint to re-fetch, never the data itself: agents on
				// other
				// nodes see the change on their next refresh. Losing it must not fail the
				// change that caused it.
				log.warn("Could not relay a live update to other nodes: {}", ex.getMessage());
			}
		}

		@RabbitListener(queues = "#{liveFanOutQueue.name}")
		public void receive(org.springframework.amqp.core.Message relayed) {
			MessageProperties properties = relayed.getMessageProperties();
			if (this.node.equals(properties.getHeader(ORIGIN))
					|| !(properties.getHeader(DESTINATION) instanceof String destination)
					|| !(destination.startsWith("/topic/") || destination.startsWith("/user/"))) {
				return;
			}
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setDestination(destination);
			if (properties.getContentType() != null) {
				headers.setContentType(MimeType.valueOf(properties.getContentType()));
			}
			headers.setHeader(RELAYED, Boolean.TRUE);
			this.brokerChannel.send(MessageBuilder.createMessage(relayed.getBody(), headers.getMessageHeaders()));
		}

	}

}
