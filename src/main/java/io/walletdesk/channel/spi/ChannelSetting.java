package io.walletdesk.channel.spi;

import java.util.regex.Pattern;

/**
 * One setting an inbox of a channel kind accepts, as the admin pages render it and the
 * inbox API checks it. Settings never hold secrets: a setting of type
 * {@link Type#SECRET_ENV} names the environment variable (or Spring property) that does.
 *
 * @param name the key in the inbox's settings, e.g. {@code botTokenEnv}
 * @param type how the value is checked and shown
 * @param required whether an inbox of this kind needs it
 * @param description a sentence for admins: what it is and where to find it
 */
public record ChannelSetting(String name, Type type, boolean required, String description) {

	private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

	/** A free text value. */
	public static ChannelSetting text(String name, boolean required, String description) {
		return new ChannelSetting(name, Type.TEXT, required, description);
	}

	/** A whole number. */
	public static ChannelSetting number(String name, boolean required, String description) {
		return new ChannelSetting(name, Type.NUMBER, required, description);
	}

	/** {@code true} or {@code false}. */
	public static ChannelSetting flag(String name, String description) {
		return new ChannelSetting(name, Type.FLAG, false, description);
	}

	/** The name of an environment variable holding a secret. */
	public static ChannelSetting secretEnv(String name, boolean required, String description) {
		return new ChannelSetting(name, Type.SECRET_ENV, required, description);
	}

	/**
	 * Whether a value is acceptable for this setting (format only: an environment
	 * variable is not looked up here).
	 * @return null when it is, else why not
	 */
	public String problemWith(String value) {
		if (value == null || value.isBlank()) {
			return this.required ? "is required" : null;
		}
		if (value.length() > 2000) {
			return "must be at most 2000 characters";
		}
		return switch (this.type) {
			case TEXT -> null;
			case NUMBER -> value.strip().matches("-?\\d{1,18}") ? null : "must be a whole number";
			case FLAG -> value.equals("true") || value.equals("false") ? null : "must be true or false";
			case SECRET_ENV -> VARIABLE.matcher(value).matches() ? null
					: "must name an environment variable (letters, digits, '_', '.', '-'), not hold the secret";
		};
	}

	/** How a setting's value is checked and shown. */
	public enum Type {

		TEXT, NUMBER, FLAG,
		/** names an environment variable that holds a secret */
		SECRET_ENV

	}

}
