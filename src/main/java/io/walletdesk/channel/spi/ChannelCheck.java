package io.walletdesk.channel.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a check of an inbox found (see {@link ChannelAdapter#health}).
 *
 * @param state the outcome
 * @param detail what the channel said, for admins; never a secret or a URL holding one
 * @param figures channel-specific counts for the health page, by name (e.g.
 * {@code quarantined}); each name needs a {@code health.figure.<name>} message
 */
public record ChannelCheck(State state, String detail, Map<String, Long> figures) {

	public ChannelCheck {
		figures = figures == null ? Map.of() : Map.copyOf(figures);
	}

	/** Nothing to check, or the check passed. */
	public static ChannelCheck ok() {
		return new ChannelCheck(State.OK, null, Map.of());
	}

	public static ChannelCheck expiredCredentials(String detail) {
		return new ChannelCheck(State.EXPIRED_CREDENTIALS, detail, Map.of());
	}

	public static ChannelCheck failing(String detail) {
		return new ChannelCheck(State.FAILING, detail, Map.of());
	}

	/** This check with one more figure. */
	public ChannelCheck withFigure(String name, long value) {
		Map<String, Long> more = new LinkedHashMap<>(this.figures);
		more.put(name, value);
		return new ChannelCheck(this.state, this.detail, more);
	}

	/** The outcome of a check. */
	public enum State {

		/** the channel answered as expected, or there was nothing to check */
		OK,
		/**
		 * the channel refused the credentials: a token was revoked or a secret changed
		 */
		EXPIRED_CREDENTIALS,
		/** the channel could not be reached or answered with another error */
		FAILING

	}

}
