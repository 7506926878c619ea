package io.walletdesk.routing;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.walletdesk.platform.InvalidInputException;

/**
 * Whether an agent takes work: {@code online} agents are offered conversations,
 * {@code away} agents keep theirs but get no new ones, {@code offline} agents hand their
 * live chats back to the queue.
 */
public enum Presence {

	ONLINE, AWAY, OFFLINE;

	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException for an unknown identifier
	 */
	@JsonCreator
	public static Presence fromId(String id) {
		return Arrays.stream(values())
			.filter(value -> value.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("presence",
					"must be one of " + Arrays.stream(values()).map(Presence::id).toList()));
	}

}
