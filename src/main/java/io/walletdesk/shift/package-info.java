/**
 * Shifts: agents' weekly patterns in their own time zones, exceptions and regional public
 * holidays, the coverage view of the week and the staffing projection.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shifts")
package io.walletdesk.shift;
