package io.walletdesk.ticket;

import java.util.UUID;

/**
 * A public reply's delivery moved on (sending, sent, delivered, read, failed). Published
 * by the module that delivers replies, so open consoles show the new state.
 */
public record DeliveryStateChanged(UUID ticketId, UUID messageId, String state) {
}
