package io.walletdesk.channel;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.walletdesk.channel.spi.ChannelAdapter;
import io.walletdesk.channel.spi.ChannelSetting;

import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.Channel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Configures inboxes: which channels exist, under which names, with which settings.
 */
@Service
public class InboxManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

	private static final int MAX_SETTINGS = 50;

	private final Inboxes inboxes;

	private final ChannelAdapters adapters;

	private final Clock clock;

	InboxManagement(Inboxes inboxes, ChannelAdapters adapters, Clock clock) {
		this.inboxes = inboxes;
		this.adapters = adapters;
		this.clock = clock;
	}

	/**
	 * Creates an enabled inbox.
	 * @param settings the kind's settings; secrets are never given here, only the names
	 * of the environment variables that hold them
	 * @throws InvalidInputException for a kind no adapter serves, a blank name, or
	 * settings the kind's adapter does not accept (unknown, missing or malformed ones,
	 * all listed)
	 */
	@Transactional
	public InboxView create(String kind, String name, Map<String, String> settings, UUID groupId) {
		if (kind == null || !kinds().contains(kind)) {
			throw new InvalidInputException("kind", "must be one of " + kinds());
		}
		settings = checked(kind, name, settings);
		byte[] key = new byte[12];
		RANDOM.nextBytes(key);
		return this.inboxes
			.save(new Inbox(kind, name.strip(), kind + "_" + HexFormat.of().formatHex(key), settings, groupId,
					this.clock.instant()))
			.toView();
	}

	/**
	 * Renames an inbox, replaces its settings and its group (null: none). Its kind and
	 * public key never change, so the outside world keeps calling the same endpoints.
	 * @throws InvalidInputException as for {@link #create}
	 */
	@Transactional
	public InboxView configure(UUID inboxId, String name, Map<String, String> settings, UUID groupId) {
		Inbox inbox = load(inboxId);
		Map<String, String> valid = checked(inbox.kind(), name, settings);
		inbox.configure(name.trim(), valid, groupId);
		return inbox.toView();
	}

	/** Turns an inbox on or off; a disabled inbox accepts no messages. */
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

	/**
	 * The kinds of inbox this build can serve: those with an adapter that are also
	 * channels a ticket knows.
	 */
	public Set<String> kinds() {
		Set<String> channels = Arrays.stream(Channel.values()).map(Channel::id).collect(Collectors.toSet());
		Set<String> kinds = new TreeSet<>(this.adapters.kinds());
		kinds.retainAll(channels);
		return kinds;
	}

	/**
	 * The settings an inbox of the kind accepts, if its adapter describes them (else any
	 * settings are accepted).
	 */
	public Optional<List<ChannelSetting>> settingsOf(String kind) {
		return this.adapters.forKind(kind).flatMap(ChannelAdapter::settings).map(own -> {
			List<ChannelSetting> all = new ArrayList<>(own);
			COMMON_SETTINGS.stream()
				.filter(common -> own.stream().noneMatch(setting -> setting.name().equals(common.name())))
				.forEach(all::add);
			return List.copyOf(all);
		});
	}

	/**
	 * Settings every kind of inbox accepts: how new conversations are acknowledged.
	 */
	static final List<ChannelSetting> COMMON_SETTINGS = List.of(ChannelSetting.flag("acknowledge",
			"Whether a new conversation gets an automatic acknowledgement with the expected response time (default true)."),
			ChannelSetting.number("expectedResponseMinutes", false,
					"Expected first response time told to customers, in minutes (default: walletdesk.channel.expected-response)."));

	private Map<String, String> checked(String kind, String name, Map<String, String> settings) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			problems.add(new InvalidInputException.FieldProblem("name", "must be 1 to 100 characters"));
		}
		Map<String, String> given = new LinkedHashMap<>();
		(settings == null ? Map.<String, String>of() : settings).forEach((key, value) -> {
			if (value != null && !value.isBlank()) {
				given.put(key, value.strip());
			}
		});
		if (given.size() > MAX_SETTINGS) {
			problems.add(new InvalidInputException.FieldProblem("settings", "at most " + MAX_SETTINGS + " settings"));
		}
		Optional<List<ChannelSetting>> described = settingsOf(kind);
		for (Map.Entry<String, String> entry : given.entrySet()) {
			if (!SETTING_NAME.matcher(entry.getKey()).matches()) {
				problems
					.add(new InvalidInputException.FieldProblem("settings." + entry.getKey(), "is not a valid name"));
			}
			else if (described.isPresent()
					&& described.get().stream().noneMatch(setting -> setting.name().equals(entry.getKey()))) {
				problems.add(new InvalidInputException.FieldProblem("settings." + entry.getKey(),
						"is not a setting of " + kind + " inboxes"));
			}
			else if (entry.getValue().length() > 2000) {
				problems.add(new InvalidInputException.FieldProblem("settings." + entry.getKey(),
						"must be at most 2000 characters"));
			}
		}
		described.ifPresent(list -> list.forEach(setting -> {
			String problem = setting.problemWith(given.get(setting.name()));
			if (problem != null) {
				problems.add(new InvalidInputException.FieldProblem("settings." + setting.name(), problem));
			}
		}));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return given;
	}

	private Inbox load(UUID inboxId) {
		return this.inboxes.findById(inboxId).orElseThrow(() -> new NotFoundException("Inbox", inboxId));
	}

}
