package io.walletdesk.sla.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.Role;
import io.walletdesk.sla.SlaCalendar;
import io.walletdesk.sla.SlaCompliance;
import io.walletdesk.sla.SlaManagement;
import io.walletdesk.sla.SlaPolicy;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA policies and calendars over REST. Every agent may read them (they explain the
 * timers); supervisors and admins change them. Invalid input answers RFC 7807 with the
 * fields at fault.
 */
@RestController
@RequestMapping("/api/v1/sla")
class SlaApi {

	private final SlaManagement sla;

	SlaApi(SlaManagement sla) {
		this.sla = sla;
	}

	@GetMapping("/policies")
	List<SlaPolicy> policies() {
		return this.sla.policies();
	}

	@GetMapping("/policies/{id}")
	SlaPolicy policy(@PathVariable UUID id) {
		return this.sla.policy(id);
	}

	@PostMapping("/policies")
	@ResponseStatus(HttpStatus.CREATED)
	SlaPolicy createPolicy(@RequestBody SlaPolicy.Input input, @AuthenticationPrincipal AgentPrincipal agent) {
		mayChange(agent);
		return this.sla.createPolicy(input);
	}

	@PutMapping("/policies/{id}")
	SlaPolicy updatePolicy(@PathVariable UUID id, @RequestBody SlaPolicy.Input input,
			@AuthenticationPrincipal AgentPrincipal agent) {
		mayChange(agent);
		return this.sla.updatePolicy(id, input);
	}

	@DeleteMapping("/policies/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deletePolicy(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		mayChange(agent);
		this.sla.deletePolicy(id);
	}

	@GetMapping("/calendars")
	List<SlaCalendar> calendars() {
		return this.sla.calendars();
	}

	@GetMapping("/calendars/{id}")
	SlaCalendar calendar(@PathVariable UUID id) {
		return this.sla.calendar(id);
	}

	@PostMapping("/calendars")
	@ResponseStatus(HttpStatus.CREATED)
	SlaCalendar createCalendar(@RequestBody SlaCalendar.Input input, @AuthenticationPrincipal AgentPrincipal agent) {
		mayChange(agent);
		return this.sla.createCalendar(input);
	}

	@PutMapping("/calendars/{id}")
	SlaCalendar updateCalendar(@PathVariable UUID id, @RequestBody SlaCalendar.Input input,
			@AuthenticationPrincipal AgentPrincipal agent) {
		mayChange(agent);
		return this.sla.updateCalendar(id, input);
	}

	@DeleteMapping("/calendars/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteCalendar(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		mayChange(agent);
		this.sla.deleteCalendar(id);
	}

	/**
	 * Met and missed counts per target for timers due from {@code from} up to {@code to}.
	 */
	@GetMapping("/compliance")
	SlaCompliance compliance(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(required = false) UUID groupId, @AuthenticationPrincipal AgentPrincipal agent) {
		mayChange(agent);
		return this.sla.compliance(from, to, groupId);
	}

	static boolean mayManage(AgentPrincipal agent) {
		return agent != null && (agent.hasRole(Role.SUPERVISOR) || agent.hasRole(Role.ADMIN));
	}

	private static void mayChange(AgentPrincipal agent) {
		if (!mayManage(agent)) {
			throw new AccessDeniedException("SLA settings are for supervisors and admins");
		}
	}

}
