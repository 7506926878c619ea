/**
 * Service-level agreements: policies, business-hour calendars, per-ticket timers, warning
 * and breach sweeps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.walletdesk.sla;
