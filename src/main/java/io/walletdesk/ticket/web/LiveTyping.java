package io.walletdesk.ticket.web;

import java.security.Principal;
import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.ticket.AgentTyping;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * Takes an agent's typing notice ({@code /app/tickets.{id}.typing} with {@code {"typing":
 * true|false}}) and announces it, so a live chat channel can show it to the customer. The
 * subscription guard has already checked that the agent may see the ticket.
 */
@Controller
class LiveTyping {

	private final ApplicationEventPublisher events;

	LiveTyping(ApplicationEventPublisher events) {
		this.events = events;
	}

	@MessageMapping("/tickets.{ticketId}.typing")
	void typing(@DestinationVariable UUID ticketId, @Payload Typing typing, Principal user) {
		if (user instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof AgentPrincipal agent) {
			this.events.publishEvent(new AgentTyping(ticketId, agent.id(), typing.typing()));
		}
	}

	record Typing(boolean typing) {
	}

}
