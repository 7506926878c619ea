/**
 * An append-only record of security-relevant events (secrets removed, blocked replies,
 * sign-in trouble) for supervisors; it never holds a secret itself.
 */
@ApplicationModule(displayName = "Audit")
package io.walletdesk.audit;

import org.springframework.modulith.ApplicationModule;
