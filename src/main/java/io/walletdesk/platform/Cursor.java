package io.walletdesk.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor for lists ordered newest first: the position after the last
 * item of a page. Stable under concurrent inserts, unlike offsets.
 */
public record Cursor(Instant createdAt, UUID id) {

	public String encode() {
		String raw = this.createdAt.toEpochMilli() * 1000 + this.createdAt.getNano() / 1000 % 1000 + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws InvalidInputException when the text is not a cursor this class produced
	 */
	public static Cursor decode(String text) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			int colon = raw.indexOf(':');
			long micros = Long.parseLong(raw.substring(0, colon));
			Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
					Math.floorMod(micros, 1_000_000) * 1000);
			return new Cursor(at, UUID.fromString(raw.substring(colon + 1)));
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("cursor", "is not a valid cursor");
		}
	}

}
