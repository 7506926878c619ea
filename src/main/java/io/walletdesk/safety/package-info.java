/**
 * Safety: keeps wallet secrets out of conversations and phishing links away from
 * customers, by redacting recovery phrases and private keys, checking links against
 * official domains, guarding agents' replies and supplying security guidance.
 */
@ApplicationModule(displayName = "Safety")
package io.walletdesk.safety;

import org.springframework.modulith.ApplicationModule;
