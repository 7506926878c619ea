package io.walletdesk.triage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What an agent needs to see at a glance in a customer message: the transactions,
 * addresses, chains, tokens, amounts and exchanges it mentions, and the app version and
 * operating system the customer reports.
 * <p>
 * Every list is immutable, holds no nulls and is in order of first appearance in the
 * message, without repeats. Chains are canonical chain ids ({@code tron}, {@code bsc},
 * ...; see {@code io.walletdesk.chain.AddressFormats}), tokens are upper-case symbols
 * ({@code USDT}), exchanges canonical names ({@code Binance}).
 *
 * @param txHashes transaction hashes
 * @param addresses wallet addresses, including mistyped ones
 * @param chains chains the customer names
 * @param tokens tokens the customer names
 * @param amounts amounts with a token or currency unit
 * @param exchanges exchanges the customer names
 * @param appVersion the app version the customer reports, e.g. {@code 5.3.2}, or null
 * @param os the operating system, with its version when given (e.g. {@code iOS 17.4},
 * {@code Android}), or null
 */
public record Entities(List<TxHash> txHashes, List<Address> addresses, List<String> chains, List<String> tokens,
		List<Amount> amounts, List<String> exchanges, String appVersion, String os) {

	/** A message that mentions nothing of the above. */
	public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
			null, null);

	/**
	 * Copies the lists, so later changes to the caller's lists do not show here.
	 * @throws NullPointerException if a list, or an element of one, is null
	 */
	public Entities {
		txHashes = List.copyOf(txHashes);
		addresses = List.copyOf(addresses);
		chains = List.copyOf(chains);
		tokens = List.copyOf(tokens);
		amounts = List.copyOf(amounts);
		exchanges = List.copyOf(exchanges);
	}

	/**
	 * Tells whether nothing was found.
	 * @return true when every list is empty and neither app version nor OS is known
	 */
	public boolean isEmpty() {
		return this.txHashes.isEmpty() && this.addresses.isEmpty() && this.chains.isEmpty() && this.tokens.isEmpty()
				&& this.amounts.isEmpty() && this.exchanges.isEmpty() && this.appVersion == null && this.os == null;
	}

	/**
	 * A transaction hash as written.
	 *
	 * @param value the hash, e.g. {@code 0x} and 64 hex digits
	 * @param chain a canonical chain id; {@code evm} for an EVM chain not named in the
	 * message, {@code unknown} when the message does not tell Tron from Bitcoin
	 */
	public record TxHash(String value, String chain) {

		public TxHash {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(chain, "chain");
		}

	}

	/**
	 * A wallet address as written.
	 *
	 * @param value the address
	 * @param chain the canonical id of the chain it belongs to, or resembles when it is
	 * not valid; {@code evm} for an EVM chain not named in the message
	 * @param valid whether the address is well-formed for that chain, checksum included;
	 * false for a near miss such as a dropped character or a broken checksum
	 */
	public record Address(String value, String chain, boolean valid) {

		public Address {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(chain, "chain");
		}

	}

	/**
	 * An amount with its unit.
	 *
	 * @param value the amount, multipliers applied ({@code 5万U} is 50000), without
	 * trailing zeros
	 * @param unit a token symbol ({@code USDT}) or currency code ({@code USD},
	 * {@code CNY})
	 * @param text the amount as written, e.g. {@code 5万U}
	 */
	public record Amount(BigDecimal value, String unit, String text) {

		public Amount {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(unit, "unit");
			Objects.requireNonNull(text, "text");
		}

	}

}
