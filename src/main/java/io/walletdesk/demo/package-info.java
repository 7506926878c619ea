/**
 * Sample agents, groups and tickets in Chinese and English for trying WalletDesk out;
 * loaded only when {@code walletdesk.demo.enabled} is true.
 */
@ApplicationModule(displayName = "Demo data")
package io.walletdesk.demo;

import org.springframework.modulith.ApplicationModule;
