package io.walletdesk.channel;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Configures inboxes: which channels exist, under which names, with which settings.
 */
@Service
public class InboxManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Inboxes inboxes;

	private final ChannelAdapters adapters;

	private final Clock clock;

	InboxManagement(Inboxes inboxes, ChannelAdapters adapters, Clock clock) {
		this.inboxes = inboxes;
		this.adapters = adapters;
		this.clock = clock;
	}

	/**
	 * @throws InvalidInputException for a kind no adapter serves or a blank name
	 */
	@Transactional
	public InboxView create(String kind, String name, Map<String, String> settings, UUID groupId) {
		if (!this.adapters.kinds().contains(kind)) {
			throw new InvalidInputException("kind", "must be one of " + this.adapters.kinds());
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("name", "must be 1 to 100 characters");
		}
		byte[] key = new byte[12];
		RANDOM.nextBytes(key);
		return this.inboxes
			.save(new Inbox(kind, name.trim(), kind + "_" + HexFormat.of().formatHex(key), settings, groupId,
					this.clock.instant()))
			.toView();
	}

	@Transactional
	public InboxView configure(UUID inboxId, String name, Map<String, String> settings, UUID groupId) {
		Inbox inbox = load(inboxId);
		inbox.configure(name, settings, groupId);
		return inbox.toView();
	}

	@Transactional
	public InboxView enable(UUID inboxId, boolean enabled) {
		Inbox inbox = load(inboxId);
		inbox.enable(enabled);
		return inbox.toView();
	}

	@Transactional(readOnly = true)
	public List<InboxView> all() {
		return this.inboxes.findAllByOrderByKindAscNameAsc().stream().map(Inbox::toView).toList();
	}

	@Transactional(readOnly = true)
	public List<InboxView> enabled(String kind) {
		return this.inboxes.findByKindAndEnabledTrue(kind).stream().map(Inbox::toView).toList();
	}

	@Transactional(readOnly = true)
	public Optional<InboxView> find(UUID inboxId) {
		return this.inboxes.findById(inboxId).map(Inbox::toView);
	}

	@Transactional(readOnly = true)
	public Optional<InboxView> byPublicKey(String publicKey) {
		return this.inboxes.findByPublicKey(publicKey).map(Inbox::toView);
	}

	private Inbox load(UUID inboxId) {
		return this.inboxes.findById(inboxId).orElseThrow(() -> new NotFoundException("Inbox", inboxId));
	}

}
