package io.walletdesk.safety;

import java.util.List;

/**
 * Whether an agent's reply may go out.
 *
 * @param blocked true when the reply must not be sent as written
 * @param reasons why it was blocked, as codes ({@code secret_request},
 * {@code remote_access}, {@code verification_transfer}, {@code contains_secret}); empty
 * when not blocked
 * @param nonOfficialLinks links in the reply that are not on an official domain, for the
 * agent to confirm before sending; they do not block by themselves
 */
public record GuardVerdict(boolean blocked, List<String> reasons, List<LinkFinding> nonOfficialLinks) {

	/** The reply asks for a recovery phrase, private key, keystore or wallet password. */
	public static final String SECRET_REQUEST = "secret_request";

	/** The reply asks for screen sharing or remote access to the customer's device. */
	public static final String REMOTE_ACCESS = "remote_access";

	/** The reply asks for a "verification" transfer of funds. */
	public static final String VERIFICATION_TRANSFER = "verification_transfer";

	/** The reply itself contains a secret (an agent pasted a key or phrase). */
	public static final String CONTAINS_SECRET = "contains_secret";

	public GuardVerdict {
		reasons = List.copyOf(reasons);
		nonOfficialLinks = List.copyOf(nonOfficialLinks);
	}

}
