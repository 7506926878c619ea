package io.walletdesk.platform;

/**
 * Something asked for by id does not exist, or the caller may not know that it exists;
 * answered as 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " was not found");
	}

}
