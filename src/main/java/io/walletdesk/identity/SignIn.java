package io.walletdesk.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Used by the sign-in pages: password sign-in, lockout after repeated failures, and the
 * TOTP second factor with recovery codes. Failed second-factor attempts count towards the
 * same lockout as failed passwords.
 */
@Service
public class SignIn implements UserDetailsService {

	private final Agents agents;

	private final RecoveryCodes recoveryCodes;

	private final PasswordEncoder passwords;

	private final IdentitySettings settings;

	private final Clock clock;

	private final CodeVerifier codeVerifier;

	SignIn(Agents agents, RecoveryCodes recoveryCodes, PasswordEncoder passwords, IdentitySettings settings,
			Clock clock) {
		this.agents = agents;
		this.recoveryCodes = recoveryCodes;
		this.passwords = passwords;
		this.settings = settings;
		this.clock = clock;
		DefaultCodeVerifier verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(HashingAlgorithm.SHA1),
				() -> clock.instant().getEpochSecond());
		// One 30-second step either way absorbs clock drift between phone and server.
		verifier.setAllowedTimePeriodDiscrepancy(1);
		this.codeVerifier = verifier;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.agents.findByUsername(username)
			.map(agent -> agent.toPrincipal(this.clock.instant()))
			.orElseThrow(() -> new UsernameNotFoundException("No such agent"));
	}

	@EventListener
	@Transactional
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		recordFailure(event.getAuthentication().getName());
	}

	@Transactional
	public void recordFailure(String username) {
		this.agents.findByUsername(username)
			.ifPresent(agent -> agent.recordFailedSignIn(this.clock.instant(), this.settings.lockoutThreshold(),
					this.settings.lockoutDuration()));
	}

	@Transactional
	public void recordSuccess(UUID agentId) {
		this.agents.findById(agentId).ifPresent(Agent::recordSuccessfulSignIn);
	}

	@Transactional(readOnly = true)
	public SecondFactor secondFactorFor(UUID agentId) {
		Agent agent = this.agents.findById(agentId).orElseThrow();
		if (agent.totpEnabled()) {
			return SecondFactor.VERIFY;
		}
		return agent.requiresTwoFactor() ? SecondFactor.ENROL : SecondFactor.NONE;
	}

	/**
	 * Checks a TOTP code or an unused recovery code; a recovery code is spent on success.
	 */
	@Transactional
	public boolean verifySecondFactor(UUID agentId, String code) {
		Agent agent = this.agents.findById(agentId).orElseThrow();
		Instant now = this.clock.instant();
		if (agent.isLocked(now)) {
			return false;
		}
		String trimmed = code == null ? "" : code.replaceAll("\\s", "");
		boolean valid = agent.totpEnabled() && trimmed.matches("\\d{6}")
				&& this.codeVerifier.isValidCode(agent.totpSecret(), trimmed);
		if (!valid && !trimmed.isEmpty()) {
			valid = spendRecoveryCode(agentId, trimmed, now);
		}
		if (valid) {
			agent.recordSuccessfulSignIn();
		}
		else {
			agent.recordFailedSignIn(now, this.settings.lockoutThreshold(), this.settings.lockoutDuration());
		}
		return valid;
	}

	private boolean spendRecoveryCode(UUID agentId, String code, Instant now) {
		for (RecoveryCode candidate : this.recoveryCodes.findByAgentId(agentId)) {
			if (candidate.isUnused() && this.passwords.matches(code.toLowerCase(), candidate.codeHash())) {
				candidate.use(now);
				return true;
			}
		}
		return false;
	}

	public Enrolment startEnrolment(UUID agentId) {
		Agent agent = this.agents.findById(agentId).orElseThrow();
		String secret = new DefaultSecretGenerator(32).generate();
		QrData data = new QrData.Builder().label(agent.username())
			.secret(secret)
			.issuer(this.settings.totpIssuer())
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(30)
			.build();
		try {
			ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
			String image = Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
			return new Enrolment(secret, data.getUri(), image);
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Could not draw the enrolment QR code", ex);
		}
	}

	/**
	 * Confirms an enrolment with a first code from the authenticator app and hands out
	 * fresh recovery codes, which are shown once.
	 * @return the recovery codes, or empty when the code does not match the secret
	 */
	@Transactional
	public Optional<List<String>> completeEnrolment(UUID agentId, String secret, String code) {
		String trimmed = code == null ? "" : code.replaceAll("\\s", "");
		if (!trimmed.matches("\\d{6}") || !this.codeVerifier.isValidCode(secret, trimmed)) {
			return Optional.empty();
		}
		Agent agent = this.agents.findById(agentId).orElseThrow();
		agent.enableTwoFactor(secret);
		this.recoveryCodes.deleteByAgentId(agentId);
		List<String> codes = new ArrayList<>();
		for (String recovery : new RecoveryCodeGenerator().generateCodes(10)) {
			codes.add(recovery);
			this.recoveryCodes.save(new RecoveryCode(agentId, this.passwords.encode(recovery.toLowerCase())));
		}
		return Optional.of(codes);
	}

	@Transactional
	public void disableTwoFactor(UUID agentId) {
		this.agents.findById(agentId).orElseThrow().disableTwoFactor();
		this.recoveryCodes.deleteByAgentId(agentId);
	}

	@Transactional(readOnly = true)
	public AgentPrincipal principal(UUID agentId) {
		return this.agents.findById(agentId).orElseThrow().toPrincipal(this.clock.instant());
	}

	public enum SecondFactor {

		NONE, VERIFY, ENROL

	}

	public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri) {
	}

}
