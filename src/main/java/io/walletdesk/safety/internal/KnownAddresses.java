package io.walletdesk.safety.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A customer's addresses, normalised for matching against keys found in a message.
 *
 * @param evm EVM addresses as 40 lower-case hex digits without 0x
 * @param tron Tron addresses in base58check (case matters)
 */
public record KnownAddresses(Set<String> evm, Set<String> tron) {

	private static final KnownAddresses NONE = new KnownAddresses(Set.of(), Set.of());

	/**
	 * Sorts addresses into EVM and Tron ones; anything else is ignored.
	 * @param addresses addresses as the customer gave them, may be null
	 * @return the normalised addresses
	 */
	public static KnownAddresses of(Collection<String> addresses) {
		if (addresses == null || addresses.isEmpty()) {
			return NONE;
		}
		Set<String> evm = new HashSet<>();
		Set<String> tron = new HashSet<>();
		for (String address : addresses) {
			if (address == null) {
				continue;
			}
			String a = address.strip();
			if (a.length() == 42 && (a.startsWith("0x") || a.startsWith("0X"))
					&& a.substring(2).matches("[0-9a-fA-F]{40}")) {
				evm.add(a.substring(2).toLowerCase(Locale.ROOT));
			}
			else if (a.length() == 34 && a.charAt(0) == 'T') {
				tron.add(a);
			}
		}
		return new KnownAddresses(Set.copyOf(evm), Set.copyOf(tron));
	}

	public boolean isEmpty() {
		return this.evm.isEmpty() && this.tron.isEmpty();
	}

}
