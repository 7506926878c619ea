package io.walletdesk.safety;

/**
 * How sure the scanner is that a finding is a secret. Both levels are redacted.
 */
public enum Certainty {

	/**
	 * Proven by the format itself: a valid BIP-39 or base58check checksum, a Solana key
	 * whose second half is the public key of its first, a keystore that parses, or a
	 * private key that derives one of the customer's known addresses.
	 */
	CERTAIN,

	/**
	 * Inferred: a phrase one typo, missing or extra word away from a valid checksum, a
	 * run of wordlist words announced by words like "seed phrase" or 助记词, or a key
	 * announced as such.
	 */
	LIKELY

}
