package io.walletdesk.platform;

/**
 * A body or attachment over the configured limit; answered as 413.
 */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
