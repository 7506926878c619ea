/**
 * Every way a customer reaches support (web chat, in-app API, email, Telegram, WeChat,
 * phone log, webhooks) ends here in one conversation model; replies go back on the same
 * channel.
 */
@ApplicationModule(displayName = "Channel")
package io.walletdesk.channel;

import org.springframework.modulith.ApplicationModule;
