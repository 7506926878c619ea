package io.walletdesk.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.GroupView;
import io.walletdesk.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Agent groups for admins: the list with member counts, and creating one.
 */
@Controller
@RequestMapping("/admin/groups")
class AdminGroupsController {

	private final AgentManagement agents;

	AdminGroupsController(AgentManagement agents) {
		this.agents = agents;
	}

	@GetMapping
	String list(Model model) {
		populate(model, "", "", null);
		return "admin/groups";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			GroupView group = this.agents.createGroup(name, description.isBlank() ? null : description.trim());
			redirect.addFlashAttribute("notice", "created");
			redirect.addFlashAttribute("noticeName", group.name());
			return "redirect:/admin/groups";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			populate(model, name, description, ex.fields().get(0).message());
			return "admin/groups";
		}
	}

	private void populate(Model model, String name, String description, String error) {
		Map<UUID, Integer> members = new LinkedHashMap<>();
		this.agents.groups().forEach(group -> members.put(group.id(), this.agents.members(group.id()).size()));
		model.addAttribute("groups", this.agents.groups());
		model.addAttribute("members", members);
		model.addAttribute("name", name);
		model.addAttribute("description", description);
		model.addAttribute("error", error);
	}

}
