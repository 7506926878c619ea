package io.walletdesk.shift;

/**
 * What a shift exception does to the weekly pattern.
 */
public enum ExceptionKind {

	// Not working during the period although the pattern says so (leave, sickness).
	LEAVE,

	// Working during the period although the pattern or a holiday says otherwise.
	EXTRA

}
