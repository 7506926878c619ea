package io.walletdesk.channel.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.channel.ChannelHealth;
import io.walletdesk.channel.InboxHealth;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.spi.ChannelSetting;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.GroupView;
import io.walletdesk.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inboxes in the console: the list with each inbox's health, forms built from the
 * adapter's description of its settings, enabling and disabling, and the endpoints to
 * copy. Editing is for admins (the {@code /admin/**} rule); the health page is also open
 * to supervisors.
 */
@Controller
class InboxAdminPages {

	/** Form fields carrying settings are named {@code setting.<name>}. */
	static final String SETTING = "setting.";

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final InboxManagement inboxes;

	private final ChannelHealth health;

	private final AgentManagement agents;

	InboxAdminPages(InboxManagement inboxes, ChannelHealth health, AgentManagement agents) {
		this.inboxes = inboxes;
		this.health = health;
		this.agents = agents;
	}

	@GetMapping("/admin/inboxes")
	@PreAuthorize("hasRole('ADMIN')")
	String list(Model model) {
		model.addAttribute("rows", rows());
		model.addAttribute("kinds", this.inboxes.kinds());
		Map<UUID, String> groups = groupNames();
		Map<UUID, String> inboxGroups = new LinkedHashMap<>();
		this.inboxes.all()
			.stream()
			.filter(inbox -> inbox.groupId() != null && groups.containsKey(inbox.groupId()))
			.forEach(inbox -> inboxGroups.put(inbox.id(), groups.get(inbox.groupId())));
		model.addAttribute("inboxGroups", inboxGroups);
		return "admin/inboxes";
	}

	@GetMapping("/admin/channels/health")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String health(Model model) {
		model.addAttribute("rows", rows());
		return "admin/channel-health";
	}

	@GetMapping("/admin/inboxes/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newInbox(@RequestParam String kind, Model model) {
		if (!this.inboxes.kinds().contains(kind)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		form(model, null, kind, "", null, Map.of(), Map.of());
		return "admin/inbox-form";
	}

	@PostMapping("/admin/inboxes")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@RequestParam String kind, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) UUID groupId, @RequestParam(defaultValue = "") String otherSettings,
			@RequestParam Map<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> settings = settings(params, otherSettings);
		try {
			checkGroup(groupId);
			InboxView inbox = this.inboxes.create(kind, name, settings, groupId);
			redirect.addFlashAttribute("notice", "created");
			return "redirect:/admin/inboxes/" + inbox.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			form(model, null, kind, name, groupId, settings, errors(ex));
			return "admin/inbox-form";
		}
	}

	@GetMapping("/admin/inboxes/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@PathVariable UUID id, Model model) {
		InboxView inbox = load(id);
		form(model, inbox, inbox.kind(), inbox.name(), inbox.groupId(), inbox.settings(), Map.of());
		return "admin/inbox-form";
	}

	@PostMapping("/admin/inboxes/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) UUID groupId, @RequestParam(defaultValue = "") String otherSettings,
			@RequestParam Map<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		InboxView inbox = load(id);
		Map<String, String> settings = settings(params, otherSettings);
		try {
			checkGroup(groupId);
			this.inboxes.configure(id, name, settings, groupId);
			redirect.addFlashAttribute("notice", "saved");
			return "redirect:/admin/inboxes/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			form(model, inbox, inbox.kind(), name, groupId, settings, errors(ex));
			return "admin/inbox-form";
		}
	}

	@PostMapping("/admin/inboxes/{id}/enabled")
	@PreAuthorize("hasRole('ADMIN')")
	String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		load(id);
		this.inboxes.enable(id, enabled);
		redirect.addFlashAttribute("notice", enabled ? "enabled" : "disabled");
		return "redirect:/admin/inboxes/" + id;
	}

	private void form(Model model, InboxView inbox, String kind, String name, UUID groupId,
			Map<String, String> settings, Map<String, String> errors) {
		Optional<List<ChannelSetting>> described = this.inboxes.settingsOf(kind);
		List<Field> fields = new ArrayList<>();
		StringBuilder other = new StringBuilder();
		described.ifPresent(list -> list.forEach(setting -> fields.add(new Field(setting.name(),
				setting.type().name().toLowerCase(java.util.Locale.ROOT), setting.required(), setting.description(),
				settings.getOrDefault(setting.name(), ""), errors.get("settings." + setting.name())))));
		settings.forEach((key, value) -> {
			if (described.isEmpty() || described.get().stream().noneMatch(setting -> setting.name().equals(key))) {
				other.append(key).append('=').append(value).append('\n');
			}
		});
		List<String> otherErrors = new ArrayList<>();
		errors.forEach((field, message) -> {
			if (field.startsWith("settings") && fields.stream().noneMatch(f -> field.equals("settings." + f.name()))) {
				otherErrors.add(field.replaceFirst("^settings\\.?", "") + " " + message);
			}
		});
		model.addAttribute("edited", inbox);
		model.addAttribute("kind", kind);
		model.addAttribute("name", name);
		model.addAttribute("groupId", groupId);
		model.addAttribute("groups", this.agents.groups());
		model.addAttribute("fields", fields);
		model.addAttribute("described", described.isPresent());
		model.addAttribute("otherSettings", other.toString());
		model.addAttribute("otherErrors", otherErrors);
		model.addAttribute("errors", errors);
		model.addAttribute("endpoints", inbox == null ? List.of() : InboxEndpoints.of(inbox, InboxEndpoints.base()));
		model.addAttribute("health", inbox == null ? null : row(this.health.of(inbox.id()).orElseThrow()));
	}

	private List<Row> rows() {
		return this.health.all().stream().map(this::row).toList();
	}

	private Row row(InboxHealth health) {
		return new Row(health,
				health.lastReceivedAt() == null ? null : FORMAT.format(health.lastReceivedAt().atZone(ZoneOffset.UTC)),
				health.checkedAt() == null ? null : FORMAT.format(health.checkedAt().atZone(ZoneOffset.UTC)));
	}

	private Map<UUID, String> groupNames() {
		Map<UUID, String> names = new LinkedHashMap<>();
		this.agents.groups().forEach(group -> names.put(group.id(), group.name()));
		return names;
	}

	private void checkGroup(UUID groupId) {
		if (groupId != null && this.agents.group(groupId).map(GroupView::id).isEmpty()) {
			throw new InvalidInputException("groupId", "no such group");
		}
	}

	private InboxView load(UUID id) {
		return this.inboxes.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * The settings of a submitted form: the described fields ({@code setting.<name>})
	 * and, for adapters that describe none, {@code name=value} lines.
	 */
	static Map<String, String> settings(Map<String, String> params, String otherSettings) {
		Map<String, String> settings = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (key.startsWith(SETTING) && value != null && !value.isBlank()) {
				settings.put(key.substring(SETTING.length()), value.strip());
			}
		});
		for (String line : otherSettings.split("\\R")) {
			int equals = line.indexOf('=');
			if (equals > 0 && !line.substring(equals + 1).isBlank()) {
				settings.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
			}
		}
		return settings;
	}

	private static Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fields().forEach(field -> errors.merge(field.field(), field.message(), (a, b) -> a + "; " + b));
		return errors;
	}

	/** One setting in the form. */
	record Field(String name, String type, boolean required, String description, String value, String error) {
	}

	/** An inbox's health with its times formatted for the page (UTC). */
	record Row(InboxHealth health, String lastReceived, String checked) {
	}

}
