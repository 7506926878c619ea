package io.walletdesk.sla.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.sla.SlaCalendar;
import io.walletdesk.sla.SlaManagement;
import io.walletdesk.sla.SlaPolicy;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketAccess;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * SLA in the console: the ticket page's timer panel and the notification bell, loaded
 * with htmx so the ticket and layout templates know nothing of SLA; and the admin page
 * for policies and calendars (supervisors and admins).
 */
@Controller
class SlaConsole {

	private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
			"SATURDAY", "SUNDAY");

	private final SlaManagement sla;

	private final TicketManagement tickets;

	private final AgentManagement agents;

	private final Clock clock;

	SlaConsole(SlaManagement sla, TicketManagement tickets, AgentManagement agents, Clock clock) {
		this.sla = sla;
		this.tickets = tickets;
		this.agents = agents;
		this.clock = clock;
	}

	@GetMapping("/tickets/{id}/sla")
	String panel(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
		TicketView ticket = TicketAccess.check(agent, this.tickets.get(id));
		model.addAttribute("ticket", ticket);
		model.addAttribute("sla", this.sla.timers(id).orElse(null));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("topic", "/topic/tickets/" + ticket.id());
		return "sla/panel :: panel";
	}

	@GetMapping("/sla/notifications")
	String bell(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
		return bell(agent.id(), model);
	}

	@PostMapping("/sla/notifications/read")
	String read(@RequestParam(required = false) UUID id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
		this.sla.markRead(agent.id(), id);
		return bell(agent.id(), model);
	}

	private String bell(UUID agentId, Model model) {
		model.addAttribute("notifications", this.sla.notifications(agentId, 20));
		model.addAttribute("unread", this.sla.unreadNotifications(agentId));
		return "sla/bell :: bell";
	}

	@GetMapping("/admin/sla")
	String admin(@RequestParam(required = false) UUID edit, @AuthenticationPrincipal AgentPrincipal agent,
			Model model) {
		mayManage(agent);
		return adminPage(model, edit == null ? null : this.sla.policy(edit), null, null);
	}

	@PostMapping("/admin/sla/policies")
	String savePolicy(@RequestParam(required = false) UUID id, @RequestParam String name, @RequestParam String priority,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
			@RequestParam(required = false) String customerTier,
			@RequestParam(required = false) Integer firstResponseMinutes,
			@RequestParam(required = false) Integer nextResponseMinutes,
			@RequestParam(required = false) Integer periodicUpdateMinutes,
			@RequestParam(required = false) Integer resolutionMinutes, @RequestParam(required = false) UUID calendarId,
			@RequestParam(required = false) List<String> actions, @RequestParam(defaultValue = "false") boolean enabled,
			@AuthenticationPrincipal AgentPrincipal agent, Model model) {
		mayManage(agent);
		SlaPolicy.Input input = new SlaPolicy.Input(name, null, enabled, priority, channel, category, customerTier,
				firstResponseMinutes, nextResponseMinutes, periodicUpdateMinutes, resolutionMinutes, calendarId,
				actions == null ? List.of() : actions);
		try {
			if (id == null) {
				this.sla.createPolicy(input);
			}
			else {
				SlaPolicy before = this.sla.policy(id);
				this.sla.updatePolicy(id,
						new SlaPolicy.Input(input.name(), before.position(), input.enabled(), input.priority(),
								input.channel(), input.category(), input.customerTier(), input.firstResponseMinutes(),
								input.nextResponseMinutes(), input.periodicUpdateMinutes(), input.resolutionMinutes(),
								input.calendarId(), input.actions()));
			}
		}
		catch (InvalidInputException ex) {
			return adminPage(model, id == null ? null : this.sla.policy(id), ex, null);
		}
		return "redirect:/admin/sla?saved";
	}

	@PostMapping("/admin/sla/policies/{id}/move")
	String move(@PathVariable UUID id, @RequestParam String direction, @AuthenticationPrincipal AgentPrincipal agent) {
		mayManage(agent);
		this.sla.movePolicy(id, "up".equals(direction));
		return "redirect:/admin/sla";
	}

	@PostMapping("/admin/sla/policies/{id}/toggle")
	String toggle(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		mayManage(agent);
		SlaPolicy p = this.sla.policy(id);
		this.sla.updatePolicy(id,
				new SlaPolicy.Input(p.name(), p.position(), !p.enabled(), p.priority(), p.channel(), p.category(),
						p.customerTier(), p.firstResponseMinutes(), p.nextResponseMinutes(), p.periodicUpdateMinutes(),
						p.resolutionMinutes(), p.calendarId(), p.actions()));
		return "redirect:/admin/sla";
	}

	@PostMapping("/admin/sla/policies/{id}/delete")
	String deletePolicy(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		mayManage(agent);
		this.sla.deletePolicy(id);
		return "redirect:/admin/sla";
	}

	@PostMapping("/admin/sla/calendars")
	String saveCalendar(@RequestParam(required = false) UUID id, @RequestParam String name,
			@RequestParam(defaultValue = "UTC") String zone, @RequestParam(defaultValue = "false") boolean alwaysOpen,
			@RequestParam Map<String, String> form, @RequestParam(required = false) String holidayRegion,
			@RequestParam(required = false) String extraHolidays, @RequestParam(required = false) UUID groupId,
			@RequestParam(defaultValue = "false") boolean isDefault, @AuthenticationPrincipal AgentPrincipal agent,
			Model model) {
		mayManage(agent);
		Map<String, String> hours = new LinkedHashMap<>();
		WEEKDAYS.forEach(day -> {
			String value = form.get("hours." + day);
			if (value != null && !value.isBlank()) {
				hours.put(day, value);
			}
		});
		try {
			List<LocalDate> dates = new ArrayList<>();
			if (extraHolidays != null) {
				for (String date : extraHolidays.split("[,\\s]+")) {
					if (!date.isBlank()) {
						dates.add(parseDate(date));
					}
				}
			}
			SlaCalendar.Input input = new SlaCalendar.Input(name, zone, alwaysOpen, hours, holidayRegion, dates,
					groupId, isDefault, true);
			if (id == null) {
				this.sla.createCalendar(input);
			}
			else {
				this.sla.updateCalendar(id, input);
			}
		}
		catch (InvalidInputException ex) {
			return adminPage(model, null, null, ex);
		}
		return "redirect:/admin/sla?saved";
	}

	@PostMapping("/admin/sla/calendars/{id}/delete")
	String deleteCalendar(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		mayManage(agent);
		this.sla.deleteCalendar(id);
		return "redirect:/admin/sla";
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException("extraHolidays", "dates must look like 2026-12-25");
		}
	}

	private String adminPage(Model model, SlaPolicy editing, InvalidInputException policyErrors,
			InvalidInputException calendarErrors) {
		List<SlaCalendar> calendars = this.sla.calendars();
		Map<UUID, String> calendarNames = new LinkedHashMap<>();
		calendars.forEach(c -> calendarNames.put(c.id(), c.name()));
		Map<UUID, String> groupNames = new LinkedHashMap<>();
		this.agents.groups().forEach(g -> groupNames.put(g.id(), g.name()));
		model.addAttribute("policies", this.sla.policies());
		model.addAttribute("calendars", calendars);
		model.addAttribute("calendarNames", calendarNames);
		model.addAttribute("groupNames", groupNames);
		model.addAttribute("editing", editing);
		model.addAttribute("policyErrors", policyErrors == null ? List.of() : policyErrors.fields());
		model.addAttribute("calendarErrors", calendarErrors == null ? List.of() : calendarErrors.fields());
		model.addAttribute("priorities", Arrays.stream(Priority.values()).map(Priority::id).toList());
		model.addAttribute("channels", Arrays.stream(Channel.values()).map(Channel::id).toList());
		model.addAttribute("categories", Arrays.stream(Category.values()).map(Category::id).toList());
		model.addAttribute("allActions", SlaPolicy.ACTIONS);
		model.addAttribute("weekdays", WEEKDAYS);
		return "sla/admin";
	}

	private static void mayManage(AgentPrincipal agent) {
		if (!SlaApi.mayManage(agent)) {
			throw new AccessDeniedException("SLA settings are for supervisors and admins");
		}
	}

}
