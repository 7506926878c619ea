package io.walletdesk.channel.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * What one Bot API update means for support: a customer message, new members in the
 * official group, or nothing. Pure, so the rules are testable without Spring.
 */
sealed interface TelegramUpdate {

	/** Prefix of thread keys for conversations started by a mention in a group. */
	String GROUP_THREAD = "group:";

	/**
	 * A customer message.
	 *
	 * @param externalId Telegram's identity of this message (chat id, message id, edit
	 * date), the same on every retry of the update
	 * @param threadKey the private chat id, or {@code group:<chat>:<user>} for a mention
	 */
	record Customer(String externalId, String threadKey, String userId, String name, String language, String text,
			Instant sentAt, List<Media> media) implements TelegramUpdate {

		public Customer {
			media = List.copyOf(media);
		}

	}

	/**
	 * A photo or document to download with {@code getFile}.
	 *
	 * @param size the size Telegram announced, or -1
	 */
	record Media(String fileId, String fileName, String contentType, long size) {
	}

	/** Somebody joined the official group. */
	record MembersJoined(String chatId) implements TelegramUpdate {
	}

	/**
	 * Nothing for support: another update type, a bot, a group chat that does not concern
	 * it.
	 */
	record Ignored(String reason) implements TelegramUpdate {
	}

	/**
	 * @param botUsername the bot's username without {@code @}, or null when it should not
	 * answer mentions
	 * @param officialGroupChatId the official group's chat id, or null
	 */
	static TelegramUpdate of(JsonNode update, String botUsername, String officialGroupChatId) {
		boolean edited = !update.has("message") && update.has("edited_message");
		JsonNode message = edited ? update.get("edited_message") : update.get("message");
		if (message == null || !message.isObject()) {
			return new Ignored("not a message");
		}
		JsonNode chat = message.path("chat");
		JsonNode from = message.path("from");
		String chatId = chat.path("id").asString("");
		String type = chat.path("type").asString("");
		if (chatId.isEmpty()) {
			return new Ignored("no chat");
		}
		if (!"private".equals(type)) {
			if (officialGroupChatId == null || !officialGroupChatId.equals(chatId)) {
				return new Ignored("not the official group");
			}
			if (message.path("new_chat_members").isArray() && !message.path("new_chat_members").isEmpty()) {
				return new MembersJoined(chatId);
			}
			if (botUsername == null || !mentions(message, botUsername)) {
				return new Ignored("group message without a mention");
			}
		}
		if (!from.path("id").isNumber() || from.path("is_bot").asBoolean(false)) {
			return new Ignored("not from a person");
		}
		String text = content(message);
		if (text.isBlank()) {
			return new Ignored("no content");
		}
		String userId = from.path("id").asString();
		String messageId = message.path("message_id").asString("");
		String externalId = chatId + ":" + messageId
				+ (edited ? ":edit:" + message.path("edit_date").asString("") : "");
		String threadKey = "private".equals(type) ? chatId : GROUP_THREAD + chatId + ":" + userId;
		Instant sentAt = message.path("date").isNumber() ? Instant.ofEpochSecond(message.path("date").asLong()) : null;
		return new Customer(externalId, threadKey, userId, name(from), language(from),
				edited ? "(edited) " + text : text, sentAt, media(message));
	}

	private static boolean mentions(JsonNode message, String botUsername) {
		String mention = "@" + botUsername.toLowerCase(Locale.ROOT);
		String text = message.path("text").asString(message.path("caption").asString(""));
		return text.toLowerCase(Locale.ROOT).contains(mention);
	}

	private static String content(JsonNode message) {
		List<String> parts = new ArrayList<>();
		String text = message.path("text").asString(message.path("caption").asString(""));
		if (!text.isBlank()) {
			parts.add(text);
		}
		if (message.path("photo").isArray() && !message.path("photo").isEmpty()) {
			parts.add("[photo]");
		}
		JsonNode document = message.path("document");
		if (document.isObject()) {
			String fileName = document.path("file_name").asString("");
			parts.add(fileName.isBlank() ? "[document]" : "[document: " + fileName + "]");
		}
		for (String kind : List.of("video", "voice", "audio", "sticker")) {
			if (message.path(kind).isObject()) {
				parts.add("[" + kind + "]");
			}
		}
		return String.join("\n", parts);
	}

	/**
	 * The photo (its largest size) and document of a message. Telegram sends a photo in
	 * several sizes, smallest first.
	 */
	private static List<Media> media(JsonNode message) {
		List<Media> media = new ArrayList<>();
		JsonNode photos = message.path("photo");
		if (photos.isArray() && !photos.isEmpty()) {
			JsonNode largest = photos.get(photos.size() - 1);
			String fileId = largest.path("file_id").asString("");
			if (!fileId.isEmpty()) {
				media.add(new Media(fileId, "photo-" + message.path("message_id").asString("") + ".jpg", "image/jpeg",
						largest.path("file_size").asLong(-1)));
			}
		}
		JsonNode document = message.path("document");
		if (document.isObject() && !document.path("file_id").asString("").isEmpty()) {
			String fileName = document.path("file_name").asString("");
			media.add(new Media(document.path("file_id").asString(),
					fileName.isBlank() ? "document-" + message.path("message_id").asString("") : fileName,
					document.path("mime_type").asString("application/octet-stream"),
					document.path("file_size").asLong(-1)));
		}
		return media;
	}

	private static String name(JsonNode from) {
		String name = (from.path("first_name").asString("") + " " + from.path("last_name").asString("")).trim();
		if (name.isEmpty()) {
			name = from.path("username").asString("");
		}
		return name.isEmpty() ? null : name;
	}

	private static String language(JsonNode from) {
		String code = from.path("language_code").asString("");
		return code.isBlank() ? null : code;
	}

}
