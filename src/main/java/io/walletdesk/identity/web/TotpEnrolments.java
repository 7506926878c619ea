package io.walletdesk.identity.web;

import java.io.Serializable;
import java.util.UUID;

import io.walletdesk.identity.SignIn;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * Keeps an authenticator set-up in progress in the HTTP session until the agent confirms
 * it with a first code. The secret never reaches the database before that.
 */
@Component
class TotpEnrolments {

	private static final String ATTRIBUTE = TotpEnrolments.class.getName() + ".pending";

	private final SignIn signIn;

	TotpEnrolments(SignIn signIn) {
		this.signIn = signIn;
	}

	/** The set-up in progress for this agent, or a new one. */
	Pending current(HttpSession session, UUID agentId) {
		if (session.getAttribute(ATTRIBUTE) instanceof Pending pending && pending.agentId().equals(agentId)) {
			return pending;
		}
		SignIn.Enrolment enrolment = this.signIn.startEnrolment(agentId);
		Pending pending = new Pending(agentId, enrolment.secret(), enrolment.otpauthUri(), enrolment.qrCodeDataUri());
		session.setAttribute(ATTRIBUTE, pending);
		return pending;
	}

	/** The set-up in progress for this agent, or null when there is none. */
	Pending find(HttpSession session, UUID agentId) {
		return session.getAttribute(ATTRIBUTE) instanceof Pending pending && pending.agentId().equals(agentId) ? pending
				: null;
	}

	void clear(HttpSession session) {
		session.removeAttribute(ATTRIBUTE);
	}

	/**
	 * An authenticator set-up waiting for its first code.
	 */
	record Pending(UUID agentId, String secret, String otpauthUri, String qrCodeDataUri) implements Serializable {

		/** The secret in groups of four, easier to type into an app by hand. */
		public String secretForReading() {
			return this.secret.replaceAll("(.{4})(?=.)", "$1 ");
		}

	}

}
