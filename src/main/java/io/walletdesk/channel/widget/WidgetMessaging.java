package io.walletdesk.channel.widget;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/**
 * The visitor's frames on the live session ({@code /app/widget.*}). Answers go to the
 * visitor's queue: an {@code ack} with the message as stored, or an {@code error} naming
 * the client message and the problem.
 */
@Controller
class WidgetMessaging {

	private final WebChat chat;

	WidgetMessaging(WebChat chat) {
		this.chat = chat;
	}

	@MessageMapping("/widget.send")
	void send(@Payload Send send, Principal user) {
		VisitorPrincipal visitor = (VisitorPrincipal) user;
		String clientMessageId = send == null ? null : send.clientMessageId();
		try {
			WebChat.Ack ack = this.chat.send(visitor.inboxId(), visitor.visitorId(), clientMessageId,
					send == null ? null : send.text());
			this.chat.push(visitor.visitorId().toString(), ack.asPush());
		}
		catch (InvalidInputException ex) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("type", "error");
			error.put("clientMessageId", clientMessageId);
			error.put("status", 400);
			error.put("errors", ex.fields());
			this.chat.push(visitor.visitorId().toString(), error);
		}
		catch (NotFoundException ex) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("type", "error");
			error.put("clientMessageId", clientMessageId);
			error.put("status", 404);
			error.put("detail", "This chat is no longer available.");
			this.chat.push(visitor.visitorId().toString(), error);
		}
	}

	@MessageMapping("/widget.typing")
	void typing(@Payload Typing typing, Principal user) {
		VisitorPrincipal visitor = (VisitorPrincipal) user;
		this.chat.typing(visitor.inboxId(), visitor.visitorId(), typing != null && typing.typing());
	}

	@MessageMapping("/widget.received")
	void received(@Payload Receipt receipt, Principal user) {
		receipt(receipt, user, false);
	}

	@MessageMapping("/widget.read")
	void read(@Payload Receipt receipt, Principal user) {
		receipt(receipt, user, true);
	}

	private void receipt(Receipt receipt, Principal user, boolean read) {
		VisitorPrincipal visitor = (VisitorPrincipal) user;
		if (receipt == null || receipt.messageId() == null) {
			return;
		}
		UUID messageId;
		try {
			messageId = UUID.fromString(receipt.messageId());
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		this.chat.receipt(visitor.inboxId(), visitor.visitorId(), messageId, read);
	}

	record Send(String clientMessageId, String text) {
	}

	record Typing(boolean typing) {
	}

	record Receipt(String messageId) {
	}

}
