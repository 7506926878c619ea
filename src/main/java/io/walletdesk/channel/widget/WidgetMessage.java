package io.walletdesk.channel.widget;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One message of a visitor's conversation as the widget shows it.
 *
 * @param clientMessageId the widget's id of a message the visitor sent, else null
 * @param author {@code customer}, {@code agent} or {@code system}
 * @param text the text as stored, with secrets redacted
 * @param state {@code sent} for the visitor's own messages, null for others
 */
record WidgetMessage(UUID messageId, String clientMessageId, String author, String authorName, String text, Instant at,
		String state) {

	/** The message as a push on the visitor's queue: {@code type} plus these fields. */
	Map<String, Object> asPush() {
		Map<String, Object> push = new LinkedHashMap<>();
		push.put("type", "message");
		push.put("messageId", this.messageId);
		push.put("clientMessageId", this.clientMessageId);
		push.put("author", this.author);
		push.put("authorName", this.authorName);
		push.put("text", this.text);
		push.put("at", this.at);
		push.put("state", this.state);
		return push;
	}

}
