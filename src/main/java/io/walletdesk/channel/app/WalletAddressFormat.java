package io.walletdesk.channel.app;

import java.util.Set;
import java.util.regex.Pattern;

import io.walletdesk.chain.AddressFormats;

/**
 * Checks that a wallet address an app reports is well-formed for its chain, checksums
 * included, so a typo never lands on the customer's record as "their" address (the safety
 * scanner trusts these addresses when it recognises a pasted private key).
 * <p>
 * The chains WalletDesk knows are checked by {@link AddressFormats}; any other chain an
 * app names only gets a generic format check here.
 */
final class WalletAddressFormat {

	static final Set<String> EVM_CHAINS = Set.of("ethereum", "evm", "bsc", "polygon", "arbitrum", "optimism", "base",
			"avalanche", "linea", "zksync");

	private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

	private static final Pattern GENERIC = Pattern.compile("[A-Za-z0-9:]{8,128}");

	private WalletAddressFormat() {
	}

	/**
	 * @param chain a lowercase chain name, e.g. {@code ethereum}, {@code tron},
	 * {@code bitcoin}, {@code solana}; other chains get a generic format check
	 * @return why the address is not valid for the chain, or null when it is
	 */
	static String problem(String chain, String address) {
		String a = address.strip();
		if (EVM_CHAINS.contains(chain)) {
			return AddressFormats.isValid("evm", a) ? null
					: "is not a valid EVM address (0x and 40 hex digits, EIP-55 checksum if mixed case)";
		}
		return switch (chain) {
			case "tron" ->
				AddressFormats.isValid("tron", a) ? null : "is not a valid Tron address (base58check starting with T)";
			case "bitcoin" -> AddressFormats.isValid("bitcoin", a) ? null : "is not a valid Bitcoin address";
			case "solana" ->
				AddressFormats.isValid("solana", a) ? null : "is not a valid Solana address (base58 of 32 bytes)";
			default -> {
				if (!GENERIC.matcher(a).matches()) {
					yield "must be 8 to 128 letters or digits";
				}
				// A raw 32-byte key in hex is never an address on any chain WalletDesk
				// knows;
				// refusing it keeps an app bug from storing a private key on the
				// customer.
				yield HEX_KEY.matcher(a).matches() ? "looks like a private key, not an address" : null;
			}
		};
	}

}
