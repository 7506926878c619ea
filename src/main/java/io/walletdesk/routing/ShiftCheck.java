package io.walletdesk.routing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.shift.Rota;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks the rota who is on shift. Without a rota in the application (no shift module),
 * every agent counts as on shift and the desk as always staffed, which is what a team
 * that keeps no shifts expects.
 */
@Component
class ShiftCheck {

	private final ObjectProvider<Rota> rota;

	ShiftCheck(ObjectProvider<Rota> rota) {
		this.rota = rota;
	}

	boolean onShift(UUID agentId, Instant at) {
		Rota current = this.rota.getIfAvailable();
		return current == null || current.onShift(agentId, at);
	}

	/**
	 * When someone who speaks the language (any when null) in the group is next on shift;
	 * {@code at} itself when someone is now, empty when nobody is within two weeks.
	 */
	Optional<Instant> nextStaffed(Instant at, String language, UUID groupId) {
		Rota current = this.rota.getIfAvailable();
		return current == null ? Optional.of(at) : current.nextStaffed(at, language, groupId);
	}

}
