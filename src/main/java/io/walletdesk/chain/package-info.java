/**
 * Blockchain knowledge and tools: the chains WalletDesk knows and how their addresses are
 * written and checked.
 */
@ApplicationModule(displayName = "Chain")
package io.walletdesk.chain;

import org.springframework.modulith.ApplicationModule;
