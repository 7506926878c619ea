/**
 * The phone channel: agents log calls into the caller's conversation, and a telephony
 * system reports calls through a signed CTI webhook that opens the caller's history in
 * the console of the agent who answers.
 */
package io.walletdesk.channel.phone;
