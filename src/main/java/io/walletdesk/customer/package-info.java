/**
 * The people who ask for help, with their identities on every channel, language and time
 * zone.
 */
@ApplicationModule(displayName = "Customer")
package io.walletdesk.customer;

import org.springframework.modulith.ApplicationModule;
