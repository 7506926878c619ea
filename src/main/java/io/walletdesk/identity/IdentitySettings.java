package io.walletdesk.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in policy.
 *
 * @param lockoutThreshold failed attempts (password or second factor) before the account
 * locks
 * @param lockoutDuration how long a locked account stays locked
 * @param totpIssuer the name authenticator apps show next to the code
 */
@ConfigurationProperties("walletdesk.identity")
public record IdentitySettings(@DefaultValue("5") int lockoutThreshold, @DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("WalletDesk") String totpIssuer) {
}
