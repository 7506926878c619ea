/**
 * Agents, their groups and roles, sign-in with two-factor authentication, and API tokens.
 */
@ApplicationModule(displayName = "Identity")
package io.walletdesk.identity;

import org.springframework.modulith.ApplicationModule;
