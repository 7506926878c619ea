package io.walletdesk.shift.web;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.AgentView;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.shift.AgentRota;
import io.walletdesk.shift.Coverage;
import io.walletdesk.shift.ExceptionKind;
import io.walletdesk.shift.NewShiftException;
import io.walletdesk.shift.Projection;
import io.walletdesk.shift.ShiftManagement;
import io.walletdesk.shift.WeeklyShift;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shift pages: the coverage heat map of a week with the staffing projection, for
 * supervisors; and one agent's pattern and exceptions, which supervisors edit and the
 * agent may read.
 */
@Controller
class ShiftPages {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ShiftManagement shifts;

	private final AgentManagement agents;

	ShiftPages(ShiftManagement shifts, AgentManagement agents) {
		this.shifts = shifts;
		this.agents = agents;
	}

	@GetMapping("/shifts")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String coverage(@RequestParam(required = false) String week, @RequestParam(required = false) String zone,
			@RequestParam(required = false) String language, @RequestParam(required = false) String skill,
			Model model) {
		String chosenZone = zone == null || zone.isBlank() ? "UTC" : zone.strip();
		Coverage coverage;
		Projection projection;
		try {
			coverage = this.shifts.coverage(week, chosenZone);
			projection = this.shifts.projection(null, coverage.week(), chosenZone);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("invalid", ex.fields().get(0).field());
			chosenZone = "UTC";
			coverage = this.shifts.coverage(null, chosenZone);
			projection = this.shifts.projection(null, coverage.week(), chosenZone);
		}
		String lang = language != null && coverage.languages().contains(language) ? language : null;
		String sk = lang == null && skill != null && coverage.skills().contains(skill) ? skill : null;
		List<DayRow> rows = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			List<Cell> cells = new ArrayList<>(24);
			List<Cell> needs = new ArrayList<>(24);
			for (int hour = 0; hour < 24; hour++) {
				Coverage.Hour h = coverage.hours().get((day - 1) * 24 + hour);
				Projection.Hour p = projection.hours().get((day - 1) * 24 + hour);
				cells.add(cell(h, lang, sk));
				needs.add(new Cell(String.valueOf(p.required()), p.understaffed() ? "need need-short" : "need",
						p.required() + " / " + p.staffed() + " · " + p.arrivals()));
			}
			rows.add(new DayRow(day, cells, needs));
		}
		model.addAttribute("agents", this.agents.all().stream().filter(AgentView::enabled).toList());
		model.addAttribute("coverage", coverage);
		model.addAttribute("projection", projection);
		model.addAttribute("rows", rows);
		model.addAttribute("zone", chosenZone);
		model.addAttribute("language", lang);
		model.addAttribute("skill", sk);
		model.addAttribute("zones", List.of("UTC", "Asia/Shanghai", "Europe/London", "Europe/Berlin",
				"America/Sao_Paulo", "America/New_York", "Asia/Singapore", "Asia/Tokyo"));
		return "shift/coverage";
	}

	private static Cell cell(Coverage.Hour hour, String language, String skill) {
		if (!hour.exists()) {
			return new Cell("–", "cell-skipped", "");
		}
		int value;
		boolean gap;
		if (language != null) {
			value = hour.byLanguage().getOrDefault(language, 0);
			gap = hour.languageGaps().contains(language);
		}
		else if (skill != null) {
			value = hour.bySkill().getOrDefault(skill, 0);
			gap = hour.skillGaps().contains(skill);
		}
		else {
			value = hour.staffed();
			gap = hour.hasGap();
		}
		String css = gap ? "cell-gap" : value == 0 ? "cell-none" : value == 1 ? "cell-thin" : "cell-ok";
		String title = String.join(" ", hour.languageGaps().stream().map(l -> "−" + l).toList())
				+ (hour.skillGaps().isEmpty() ? ""
						: " " + String.join(" ", hour.skillGaps().stream().map(s -> "−" + s).toList()));
		return new Cell(String.valueOf(value), css, title.strip());
	}

	@GetMapping("/shifts/agents/{id}")
	String agent(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal me, Model model) {
		ShiftsApi.checkSelfOrSupervisor(me, id);
		AgentRota rota = this.shifts.rotaOf(id);
		ZoneId zone = ZoneId.of(rota.timeZone());
		List<DayPattern> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			days.add(new DayPattern(day.getValue(), day.name(), String.join(", ",
					rota.pattern().stream().filter(s -> s.day() == day).map(s -> s.start() + "-" + s.end()).toList())));
		}
		model.addAttribute("rota", rota);
		model.addAttribute("days", days);
		model.addAttribute("exceptions",
				rota.exceptions()
					.stream()
					.map(e -> new ExceptionRow(e.id(), e.kind().name(), LOCAL.format(e.startsAt().atZone(zone)),
							LOCAL.format(e.endsAt().atZone(zone)), e.note()))
					.toList());
		model.addAttribute("mayEdit", ShiftsApi.isSupervisor(me));
		return "shift/agent";
	}

	@PostMapping("/shifts/agents/{id}/pattern")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String savePattern(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		try {
			List<WeeklyShift> pattern = new ArrayList<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				pattern.addAll(parseDay(day, form.getOrDefault("day" + day.getValue(), "")));
			}
			this.shifts.replacePattern(id, pattern);
			this.shifts.setRegion(id, form.get("region"));
			redirect.addFlashAttribute("saved", true);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.fields().get(0).message());
		}
		return "redirect:/shifts/agents/" + id;
	}

	@PostMapping("/shifts/agents/{id}/exceptions")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String addException(@PathVariable UUID id, @RequestParam String kind, @RequestParam String startsAt,
			@RequestParam String endsAt, @RequestParam(required = false) String note,
			@AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
		try {
			ZoneId zone = ZoneId.of(this.shifts.rotaOf(id).timeZone());
			this.shifts.addException(id, new NewShiftException(kind(kind), local(startsAt, zone, "startsAt"),
					local(endsAt, zone, "endsAt"), note), me.id());
			redirect.addFlashAttribute("saved", true);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.fields().get(0).message());
		}
		return "redirect:/shifts/agents/" + id;
	}

	@PostMapping("/shifts/agents/{id}/exceptions/{exceptionId}/delete")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String deleteException(@PathVariable UUID id, @PathVariable UUID exceptionId) {
		this.shifts.deleteException(id, exceptionId);
		return "redirect:/shifts/agents/" + id;
	}

	/** "09:00-17:00, 22:00-02:00" into shifts of the day. */
	static List<WeeklyShift> parseDay(DayOfWeek day, String text) {
		List<WeeklyShift> shifts = new ArrayList<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			String[] times = part.strip().split("\\s*-\\s*");
			if (times.length != 2) {
				throw new InvalidInputException("day" + day.getValue(), "write shifts as 09:00-17:00, 22:00-02:00");
			}
			try {
				shifts.add(new WeeklyShift(day, LocalTime.parse(pad(times[0])), LocalTime.parse(pad(times[1]))));
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("day" + day.getValue(), "write times as HH:MM, such as 09:00");
			}
		}
		return shifts;
	}

	private static String pad(String time) {
		return time.length() == 4 ? "0" + time : time;
	}

	private static ExceptionKind kind(String kind) {
		try {
			return ExceptionKind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "must be LEAVE or EXTRA");
		}
	}

	private static java.time.Instant local(String value, ZoneId zone, String field) {
		try {
			return LocalDateTime.parse(value).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "is not a date and time");
		}
	}

	record Cell(String value, String css, String title) {
	}

	record DayRow(int day, List<Cell> cells, List<Cell> needs) {
	}

	record DayPattern(int day, String name, String text) {
	}

	record ExceptionRow(UUID id, String kind, String startsAt, String endsAt, String note) {
	}

}
