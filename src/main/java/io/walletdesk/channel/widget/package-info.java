/**
 * The web chat widget: a script any web site embeds, anonymous visitors with signed
 * tokens, and live two-way chat over STOMP on the console's broker.
 */
package io.walletdesk.channel.widget;
