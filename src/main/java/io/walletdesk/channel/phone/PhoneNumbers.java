package io.walletdesk.channel.phone;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings a phone number into E.164 form ({@code +} and 8 to 15 digits, no leading zero in
 * the country code), so the same caller is recognised however the number was typed.
 * <p>
 * Hand-written because libphonenumber is not among the dependencies this build may use;
 * the check is therefore structural only: it accepts any plausible international number
 * and does not know each country's numbering plan (a wrong length for a country passes).
 * Accepted input: {@code +} or {@code 00} followed by the number, with spaces, dashes,
 * dots and parentheses in any place; or a national number when a default country code is
 * given, whose single leading trunk {@code 0} is dropped ({@code 010 1234 5678} with
 * {@code 86} becomes {@code +861012345678}).
 */
final class PhoneNumbers {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-\\u00a0]");

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9]\\d{0,2}");

	private PhoneNumbers() {
	}

	/**
	 * @param defaultCountryCode digits of the country code for numbers written without
	 * one (an inbox setting), or null to require the international form
	 * @return the E.164 form, or empty when the input is not a plausible phone number
	 */
	static Optional<String> normalize(String input, String defaultCountryCode) {
		if (input == null) {
			return Optional.empty();
		}
		String compact = SEPARATORS.matcher(input.strip()).replaceAll("");
		if (compact.startsWith("00")) {
			compact = "+" + compact.substring(2);
		}
		else if (!compact.startsWith("+") && DIGITS.matcher(compact).matches() && defaultCountryCode != null) {
			String country = defaultCountryCode.strip().replaceFirst("^\\+", "");
			if (!COUNTRY_CODE.matcher(country).matches()) {
				return Optional.empty();
			}
			compact = "+" + country + (compact.startsWith("0") ? compact.substring(1) : compact);
		}
		return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
	}

}
