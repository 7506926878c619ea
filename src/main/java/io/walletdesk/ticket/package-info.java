/**
 * Tickets: one conversation per customer issue, its messages, attachments and full change
 * history.
 */
@ApplicationModule(displayName = "Ticket")
package io.walletdesk.ticket;

import org.springframework.modulith.ApplicationModule;
