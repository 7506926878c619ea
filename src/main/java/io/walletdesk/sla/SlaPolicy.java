package io.walletdesk.sla;

import java.util.List;
import java.util.UUID;

/**
 * A service-level policy: which tickets it covers and the targets it promises them.
 *
 * @param position order of evaluation; the first enabled policy that matches applies
 * @param priority the ticket priority it covers ({@code urgent}, {@code high},
 * {@code normal}, {@code low})
 * @param channel, category, customerTier narrower conditions; null matches any
 * @param firstResponseMinutes, nextResponseMinutes, periodicUpdateMinutes,
 * resolutionMinutes targets in business minutes; null when the policy has none
 * @param calendarId the calendar the targets count in; null for the ticket group's
 * calendar, else the default calendar
 * @param actions on a breach: any of {@code notify}, {@code raise_priority},
 * {@code reassign}
 */
public record SlaPolicy(UUID id, String name, int position, boolean enabled, String priority, String channel,
		String category, String customerTier, Integer firstResponseMinutes, Integer nextResponseMinutes,
		Integer periodicUpdateMinutes, Integer resolutionMinutes, UUID calendarId, List<String> actions) {

	/** The target names, as the API and the timers use them. */
	public static final List<String> TARGETS = List.of("firstResponse", "nextResponse", "periodicUpdate", "resolution");

	/** The breach actions a policy may ask for. */
	public static final List<String> ACTIONS = List.of("notify", "raise_priority", "reassign");

	/** The target's time in business minutes, or null when the policy does not set it. */
	public Integer minutes(String target) {
		return switch (target) {
			case "firstResponse" -> this.firstResponseMinutes;
			case "nextResponse" -> this.nextResponseMinutes;
			case "periodicUpdate" -> this.periodicUpdateMinutes;
			case "resolution" -> this.resolutionMinutes;
			default -> throw new IllegalArgumentException("unknown target " + target);
		};
	}

	/**
	 * What an admin enters to create or change a policy (the same fields but the id).
	 */
	public record Input(String name, Integer position, Boolean enabled, String priority, String channel,
			String category, String customerTier, Integer firstResponseMinutes, Integer nextResponseMinutes,
			Integer periodicUpdateMinutes, Integer resolutionMinutes, UUID calendarId, List<String> actions) {
	}

}
