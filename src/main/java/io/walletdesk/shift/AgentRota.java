package io.walletdesk.shift;

import java.util.List;
import java.util.UUID;

/**
 * An agent's rota as the shift pages show it.
 *
 * @param timeZone the zone the pattern's times are in (the agent's own)
 * @param region the holiday region in force
 * @param regionDerived true when no region was set and it comes from the time zone
 * @param pattern the weekly shifts; empty means the agent is always on shift
 * @param exceptions the agent's leave and extra shifts
 */
public record AgentRota(UUID agentId, String displayName, String timeZone, String region, boolean regionDerived,
		List<WeeklyShift> pattern, List<ShiftExceptionView> exceptions) {
}
