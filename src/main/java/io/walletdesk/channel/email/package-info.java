/**
 * The e-mail channel: polls support mailboxes over IMAP, threads mail onto tickets and
 * sends agents' replies over SMTP.
 */
package io.walletdesk.channel.email;
