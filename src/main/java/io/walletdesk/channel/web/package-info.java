/**
 * Inbox administration and channel health: the inbox REST API and the console's admin
 * pages.
 */
package io.walletdesk.channel.web;
