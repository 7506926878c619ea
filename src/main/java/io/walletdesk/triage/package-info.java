/**
 * Understands each customer message: language, category, priority, sentiment and the
 * entities that matter.
 */
@ApplicationModule(displayName = "Triage")
package io.walletdesk.triage;

import org.springframework.modulith.ApplicationModule;
