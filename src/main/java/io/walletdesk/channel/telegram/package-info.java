/**
 * Telegram bots: private chats and mentions in the wallet's official group become
 * conversations, replies go out through the Bot API, and the group is warned about
 * impersonators.
 */
package io.walletdesk.channel.telegram;
