package io.walletdesk.safety;

/**
 * The kinds of wallet secret the scanner recognises.
 */
public enum SecretType {

	/** A BIP-39 recovery phrase (English or Chinese). */
	MNEMONIC("mnemonic"),

	/** A raw 32-byte secp256k1 private key written as 64 hex digits (EVM, Tron). */
	PRIVATE_KEY("private_key"),

	/** A Bitcoin private key in wallet import format. */
	WIF("wif"),

	/** A BIP-32 extended private key (xprv, yprv, zprv, tprv, uprv, vprv). */
	XPRV("xprv"),

	/** A Solana 64-byte secret key, in base58 or as a JSON byte array. */
	SOLANA_KEY("solana_key"),

	/** An encrypted Ethereum keystore (UTC / JSON) file. */
	KEYSTORE("keystore");

	private final String code;

	SecretType(String code) {
		this.code = code;
	}

	/**
	 * The stable lower-case name used in APIs and stored data.
	 * @return the code, e.g. {@code private_key}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The text that replaces a secret of this kind.
	 * @param words the number of words, used for mnemonics only
	 * @return the placeholder, e.g. {@code [redacted: mnemonic, 12 words]}
	 */
	public String placeholder(int words) {
		return switch (this) {
			case MNEMONIC -> "[redacted: mnemonic, " + words + " words]";
			case PRIVATE_KEY -> "[redacted: private key]";
			case WIF -> "[redacted: WIF private key]";
			case XPRV -> "[redacted: extended private key]";
			case SOLANA_KEY -> "[redacted: Solana secret key]";
			case KEYSTORE -> "[redacted: keystore file]";
		};
	}

}
