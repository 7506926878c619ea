package io.walletdesk.sla;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket missed a target of its service-level policy.
 *
 * @param target {@code firstResponse}, {@code nextResponse}, {@code periodicUpdate} or
 * {@code resolution}
 * @param actions what the policy asks for on a breach: {@code notify},
 * {@code raise_priority}, {@code reassign}
 */
public record SlaBreached(UUID ticketId, String policy, String target, Instant dueAt, Set<String> actions,
		UUID assigneeId, UUID groupId) {

	public boolean asks(String action) {
		return this.actions.contains(action);
	}

}
