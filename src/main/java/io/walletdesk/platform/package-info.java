/**
 * Infrastructure every module stands on: the embedded database, error responses, time and
 * web plumbing.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package io.walletdesk.platform;

import org.springframework.modulith.ApplicationModule;
