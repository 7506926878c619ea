package io.walletdesk.channel.spi;

/**
 * A reply could not be delivered now; WalletDesk retries it.
 */
public class DeliveryException extends Exception {

	public DeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

	public DeliveryException(String message) {
		super(message);
	}

}
