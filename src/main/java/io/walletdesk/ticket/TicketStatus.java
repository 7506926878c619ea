package io.walletdesk.ticket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.walletdesk.platform.InvalidInputException;

/**
 * Where a ticket stands. {@code pending} waits on the customer, {@code on_hold} on
 * another team; {@code closed} is final.
 */
public enum TicketStatus {

	NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException for an unknown identifier
	 */
	@JsonCreator
	public static TicketStatus fromId(String id) {
		return Arrays.stream(values())
			.filter(value -> value.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("status",
					"must be one of " + Arrays.stream(values()).map(TicketStatus::id).toList()));
	}

	/** The statuses an agent may move a ticket to from this one. */
	public Set<TicketStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED);
			case OPEN -> EnumSet.of(PENDING, ON_HOLD, SOLVED);
			case PENDING -> EnumSet.of(OPEN, ON_HOLD, SOLVED);
			case ON_HOLD -> EnumSet.of(OPEN, PENDING, SOLVED);
			case SOLVED -> EnumSet.of(OPEN, CLOSED);
			case CLOSED -> EnumSet.noneOf(TicketStatus.class);
		};
	}

	/** Open work: anything not solved or closed. */
	public boolean isActive() {
		return this != SOLVED && this != CLOSED;
	}

}
