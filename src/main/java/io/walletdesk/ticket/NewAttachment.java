package io.walletdesk.ticket;

/**
 * A file sent with a message.
 */
public record NewAttachment(String fileName, String contentType, byte[] content) {
}
