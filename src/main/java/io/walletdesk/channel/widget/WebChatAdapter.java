package io.walletdesk.channel.widget;

import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.Outbound;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;

import org.springframework.stereotype.Component;

/**
 * Delivers agents' replies to the visitor's live sessions (all open tabs). A visitor
 * without an open widget finds the reply when the widget loads the conversation again, so
 * a reply counts as sent once pushed; the widget reports delivered and read.
 */
@Component
class WebChatAdapter implements ChannelAdapter {

	private final VisitorQueue queue;

	private final TicketManagement tickets;

	WebChatAdapter(VisitorQueue queue, TicketManagement tickets) {
		this.queue = queue;
		this.tickets = tickets;
	}

	@Override
	public String id() {
		return WebChat.KIND;
	}

	@Override
	public String deliver(Outbound message) {
		TicketView.MessageView reply = this.tickets.message(message.messageId()).orElse(null);
		WidgetMessage shown = reply != null ? WebChat.toWidget(message.inboxId(), reply)
				: new WidgetMessage(message.messageId(), null, "agent", null, message.text(), null, null);
		if (reply != null && reply.authorKind() == AuthorKind.CUSTOMER) {
			return message.messageId().toString();
		}
		this.queue.push(message.threadKey(), shown.asPush());
		return message.messageId().toString();
	}

}
