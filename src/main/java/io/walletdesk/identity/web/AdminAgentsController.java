package io.walletdesk.identity.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.GroupView;
import io.walletdesk.identity.NewAgent;
import io.walletdesk.identity.Role;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Agents for admins: the list, creating one, unlocking after a lockout, and switching
 * accounts on and off. The security configuration admits admins only.
 */
@Controller
@RequestMapping("/admin/agents")
class AdminAgentsController {

	static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(zone -> zone.contains("/") || "UTC".equals(zone))
		.filter(zone -> !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final AgentManagement agents;

	private final Validator validator;

	AdminAgentsController(AgentManagement agents, Validator validator) {
		this.agents = agents;
		this.validator = validator;
	}

	@GetMapping
	String list(Model model) {
		populate(model, AgentForm.empty(), Map.of());
		return "admin/agents";
	}

	@PostMapping
	String create(@ModelAttribute AgentForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		NewAgent command = form.toCommand();
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<NewAgent> violation : this.validator.validate(command)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		if (errors.isEmpty()) {
			try {
				this.agents.create(command);
				redirect.addFlashAttribute("notice", "created");
				redirect.addFlashAttribute("noticeName", command.username());
				return "redirect:/admin/agents";
			}
			catch (InvalidInputException ex) {
				ex.fields().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		populate(model, form, errors);
		return "admin/agents";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
		this.agents.unlock(id);
		redirect.addFlashAttribute("notice", "unlocked");
		return "redirect:/admin/agents";
	}

	@PostMapping("/{id}/active")
	String setActive(@PathVariable UUID id, @RequestParam boolean active, @AuthenticationPrincipal AgentPrincipal me,
			RedirectAttributes redirect) {
		if (!active && id.equals(me.id())) {
			// An admin who switches themselves off may leave nobody able to switch them
			// on.
			redirect.addFlashAttribute("notice", "self");
			return "redirect:/admin/agents";
		}
		this.agents.setActive(id, active);
		redirect.addFlashAttribute("notice", active ? "activated" : "deactivated");
		return "redirect:/admin/agents";
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private void populate(Model model, AgentForm form, Map<String, String> errors) {
		List<GroupView> groups = this.agents.groups();
		Map<UUID, String> groupNames = groups.stream().collect(Collectors.toMap(GroupView::id, GroupView::name));
		model.addAttribute("agents", this.agents.all());
		model.addAttribute("groups", groups);
		model.addAttribute("groupNames", groupNames);
		model.addAttribute("roles", Role.values());
		model.addAttribute("timeZones", TIME_ZONES);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
	}

	/**
	 * The create form as posted; languages and skills are comma-separated.
	 */
	record AgentForm(String username, String displayName, String email, String password, Set<Role> roles,
			String languages, String skills, Set<UUID> groupIds, String timeZone) {

		static AgentForm empty() {
			return new AgentForm("", "", "", "", EnumSet.of(Role.AGENT), "en", "", Set.of(), "UTC");
		}

		AgentForm {
			roles = roles == null ? Set.of() : roles;
			groupIds = groupIds == null ? Set.of() : groupIds;
		}

		public boolean hasRole(Role role) {
			return this.roles.contains(role);
		}

		public boolean inGroup(UUID groupId) {
			return this.groupIds.contains(groupId);
		}

		NewAgent toCommand() {
			return new NewAgent(trim(this.username), trim(this.displayName), blankToNull(this.email), this.password,
					this.roles, list(this.languages), list(this.skills), this.groupIds, trim(this.timeZone));
		}

		private static Set<String> list(String commaSeparated) {
			if (commaSeparated == null) {
				return Set.of();
			}
			return Arrays.stream(commaSeparated.split("[,，\\s]+"))
				.map(String::trim)
				.filter(value -> !value.isEmpty())
				.collect(Collectors.toCollection(LinkedHashSet::new));
		}

		private static String trim(String value) {
			return value == null ? null : value.trim();
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.trim();
		}

	}

}
