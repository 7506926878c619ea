package io.walletdesk.shift.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.Role;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.shift.AgentRota;
import io.walletdesk.shift.Coverage;
import io.walletdesk.shift.ExceptionKind;
import io.walletdesk.shift.HolidayView;
import io.walletdesk.shift.NewShiftException;
import io.walletdesk.shift.Projection;
import io.walletdesk.shift.ShiftExceptionView;
import io.walletdesk.shift.ShiftManagement;
import io.walletdesk.shift.WeeklyShift;

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
 * Shifts over the API: agents' weekly patterns and exceptions, holiday calendars, the
 * coverage of a week and the staffing projection. Supervisors and admins edit and see the
 * team; an agent may read their own rota.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Shifts")
class ShiftsApi {

	private final ShiftManagement shifts;

	ShiftsApi(ShiftManagement shifts) {
		this.shifts = shifts;
	}

	@GetMapping("/agents/{id}/shifts")
	@Operation(summary = "The agent's weekly pattern (in their zone), region and exceptions")
	AgentRota rota(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		checkSelfOrSupervisor(agent, id);
		return this.shifts.rotaOf(id);
	}

	@PutMapping("/agents/{id}/shifts")
	@Operation(
			summary = "Replace the weekly pattern (an empty list: always on shift) and optionally the holiday region")
	AgentRota replace(@PathVariable UUID id, @RequestBody PatternRequest request,
			@AuthenticationPrincipal AgentPrincipal agent) {
		checkSupervisor(agent);
		if (request == null || request.shifts() == null) {
			throw new InvalidInputException("shifts", "is required");
		}
		this.shifts.replacePattern(id, request.shifts());
		if (request.region() != null) {
			this.shifts.setRegion(id, request.region());
		}
		return this.shifts.rotaOf(id);
	}

	@GetMapping("/agents/{id}/shift-exceptions")
	@Operation(summary = "The agent's leave and extra shifts")
	List<ShiftExceptionView> exceptions(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		checkSelfOrSupervisor(agent, id);
		return this.shifts.rotaOf(id).exceptions();
	}

	@PostMapping("/agents/{id}/shift-exceptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record leave (LEAVE) or an extra shift (EXTRA) for a period")
	ShiftExceptionView addException(@PathVariable UUID id, @RequestBody ExceptionRequest request,
			@AuthenticationPrincipal AgentPrincipal agent) {
		checkSupervisor(agent);
		return this.shifts.addException(id,
				new NewShiftException(request.kind(), request.startsAt(), request.endsAt(), request.note()),
				agent.id());
	}

	@DeleteMapping("/agents/{id}/shift-exceptions/{exceptionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove leave or an extra shift")
	void deleteException(@PathVariable UUID id, @PathVariable UUID exceptionId,
			@AuthenticationPrincipal AgentPrincipal agent) {
		checkSupervisor(agent);
		this.shifts.deleteException(id, exceptionId);
	}

	@GetMapping("/holidays")
	@Operation(summary = "A region's holidays in a year (published and custom), or all custom entries without a region")
	List<HolidayView> holidays(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year) {
		if (region == null) {
			return this.shifts.customHolidays();
		}
		return this.shifts.holidays(region, year);
	}

	@PostMapping("/holidays")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a company day off to a region, or (off = false) work a published holiday")
	HolidayView addHoliday(@RequestBody HolidayRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
		checkSupervisor(agent);
		return this.shifts.putHoliday(request.region(), request.date(), request.name(),
				request.off() == null || request.off());
	}

	@DeleteMapping("/holidays/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a custom holiday entry")
	void deleteHoliday(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal agent) {
		checkSupervisor(agent);
		this.shifts.deleteHoliday(id);
	}

	@GetMapping("/shifts/coverage")
	@Operation(summary = "Agents on shift per hour of an ISO week, per language and skill, with gaps")
	Coverage coverage(@RequestParam(required = false) String week, @RequestParam(required = false) String zone,
			@AuthenticationPrincipal AgentPrincipal agent) {
		checkSupervisor(agent);
		return this.shifts.coverage(week, zone);
	}

	@GetMapping("/shifts/projection")
	@Operation(summary = "Agents needed per hour of the week (Erlang C on past arrivals) against agents on shift")
	Projection projection(@RequestParam(required = false) Integer weeks, @RequestParam(required = false) String week,
			@RequestParam(required = false) String zone, @AuthenticationPrincipal AgentPrincipal agent) {
		checkSupervisor(agent);
		return this.shifts.projection(weeks, week, zone);
	}

	/**
	 * Rotas say who works when; agents see their own, supervisors and admins everyone's.
	 */
	static void checkSelfOrSupervisor(AgentPrincipal agent, UUID agentId) {
		if (!agent.id().equals(agentId)) {
			checkSupervisor(agent);
		}
	}

	static boolean isSupervisor(AgentPrincipal agent) {
		return agent.hasRole(Role.SUPERVISOR) || agent.hasRole(Role.ADMIN);
	}

	static void checkSupervisor(AgentPrincipal agent) {
		if (!isSupervisor(agent)) {
			throw new AccessDeniedException("Shifts are planned by supervisors and admins");
		}
	}

	record PatternRequest(List<WeeklyShift> shifts, String region) {
	}

	record ExceptionRequest(ExceptionKind kind, Instant startsAt, Instant endsAt, String note) {
	}

	record HolidayRequest(String region, LocalDate date, String name, Boolean off) {
	}

}
