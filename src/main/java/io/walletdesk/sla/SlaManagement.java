package io.walletdesk.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.identity.AgentManagement;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.platform.InvalidInputException.FieldProblem;
import io.walletdesk.platform.NotFoundException;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.SlaTimers;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service levels: the policies and calendars admins keep, the live timers of a ticket,
 * the agents' warning and breach notifications, and met/missed counts for reports. The
 * SLA module's public face.
 */
@Service
public class SlaManagement implements SlaTimers {

	private final SlaStore store;

	private final Calendars calendars;

	private final AgentManagement agents;

	private final TicketManagement tickets;

	private final java.time.Clock clock;

	SlaManagement(SlaStore store, Calendars calendars, AgentManagement agents, TicketManagement tickets,
			java.time.Clock clock) {
		this.store = store;
		this.calendars = calendars;
		this.agents = agents;
		this.tickets = tickets;
		this.clock = clock;
	}

	/** All policies in evaluation order, disabled ones included. */
	@Transactional(readOnly = true)
	public List<SlaPolicy> policies() {
		return this.store.policies();
	}

	/**
	 * @throws NotFoundException when there is no such policy
	 */
	@Transactional(readOnly = true)
	public SlaPolicy policy(UUID id) {
		return this.store.policy(id).orElseThrow(() -> new NotFoundException("SLA policy", id));
	}

	/**
	 * Adds a policy; without a position it goes last. Applies to tickets that pick a
	 * policy from now on (opened, or re-prioritized).
	 * @throws InvalidInputException listing every invalid field
	 */
	@Transactional
	public SlaPolicy createPolicy(SlaPolicy.Input input) {
		int last = this.store.policies().stream().mapToInt(SlaPolicy::position).max().orElse(0);
		SlaPolicy policy = validPolicy(UUID.randomUUID(), input, last + 10);
		this.store.savePolicy(policy, true);
		return policy;
	}

	/**
	 * Replaces a policy's fields.
	 * @throws NotFoundException when there is no such policy
	 * @throws InvalidInputException listing every invalid field
	 */
	@Transactional
	public SlaPolicy updatePolicy(UUID id, SlaPolicy.Input input) {
		SlaPolicy before = policy(id);
		SlaPolicy policy = validPolicy(id, input, before.position());
		this.store.savePolicy(policy, false);
		return policy;
	}

	/**
	 * Moves a policy one place up or down in the evaluation order.
	 * @throws NotFoundException when there is no such policy
	 */
	@Transactional
	public List<SlaPolicy> movePolicy(UUID id, boolean up) {
		List<SlaPolicy> ordered = new ArrayList<>(this.store.policies());
		int index = -1;
		for (int i = 0; i < ordered.size(); i++) {
			if (ordered.get(i).id().equals(id)) {
				index = i;
			}
		}
		if (index < 0) {
			throw new NotFoundException("SLA policy", id);
		}
		int other = up ? index - 1 : index + 1;
		if (other >= 0 && other < ordered.size()) {
			SlaPolicy moved = ordered.remove(index);
			ordered.add(other, moved);
		}
		for (int i = 0; i < ordered.size(); i++) {
			SlaPolicy p = ordered.get(i);
			this.store.savePolicy(new SlaPolicy(p.id(), p.name(), (i + 1) * 10, p.enabled(), p.priority(), p.channel(),
					p.category(), p.customerTier(), p.firstResponseMinutes(), p.nextResponseMinutes(),
					p.periodicUpdateMinutes(), p.resolutionMinutes(), p.calendarId(), p.actions()), false);
		}
		return this.store.policies();
	}

	/**
	 * Removes a policy; tickets that ran under it keep their timers.
	 * @throws NotFoundException when there is no such policy
	 */
	@Transactional
	public void deletePolicy(UUID id) {
		if (!this.store.deletePolicy(id)) {
			throw new NotFoundException("SLA policy", id);
		}
	}

	@Transactional(readOnly = true)
	public List<SlaCalendar> calendars() {
		return this.store.calendars();
	}

	/**
	 * @throws NotFoundException when there is no such calendar
	 */
	@Transactional(readOnly = true)
	public SlaCalendar calendar(UUID id) {
		return this.store.calendar(id).orElseThrow(() -> new NotFoundException("SLA calendar", id));
	}

	/**
	 * Adds a calendar; marked default, it replaces the previous default.
	 * @throws InvalidInputException listing every invalid field
	 */
	@Transactional
	public SlaCalendar createCalendar(SlaCalendar.Input input) {
		SlaCalendar calendar = validCalendar(UUID.randomUUID(), input);
		this.store.saveCalendar(calendar, true);
		return calendar;
	}

	/**
	 * @throws NotFoundException when there is no such calendar
	 * @throws InvalidInputException listing every invalid field
	 */
	@Transactional
	public SlaCalendar updateCalendar(UUID id, SlaCalendar.Input input) {
		calendar(id);
		SlaCalendar calendar = validCalendar(id, input);
		this.store.saveCalendar(calendar, false);
		return calendar;
	}

	/**
	 * Removes a calendar; policies that named it use the group's or the default calendar.
	 * @throws NotFoundException when there is no such calendar
	 */
	@Transactional
	public void deleteCalendar(UUID id) {
		if (!this.store.deleteCalendar(id)) {
			throw new NotFoundException("SLA calendar", id);
		}
	}

	/**
	 * The ticket's policy and, per target, the latest timer run: a running one when there
	 * is one, else the last finished one.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<SlaStatus> ofTicket(UUID ticketId) {
		return timers(ticketId).map(view -> {
			Map<String, Target> targets = new LinkedHashMap<>();
			view.timers().forEach(t -> targets.put(t.target(), new Target(t.dueAt(), t.state())));
			return new SlaStatus(view.policy(), targets);
		});
	}

	/**
	 * The console's view of a ticket's timers, with start and warning times; empty when
	 * no policy applies.
	 */
	@Transactional(readOnly = true)
	public Optional<SlaTicketTimers> timers(UUID ticketId) {
		Optional<SlaStore.TicketSla> sla = this.store.ticket(ticketId);
		if (sla.isEmpty() || sla.get().policyId() == null) {
			return Optional.empty();
		}
		BusinessCalendar calendar = this.calendars.of(sla.get().calendarId());
		Instant now = this.clock.instant();
		Map<String, Timer> latest = new LinkedHashMap<>();
		for (Timer timer : this.store.timers(ticketId)) {
			Timer seen = latest.get(timer.target());
			if (seen == null || !seen.running()) {
				latest.put(timer.target(), timer);
			}
		}
		List<SlaTimerView> views = new ArrayList<>();
		for (String target : SlaPolicy.TARGETS) {
			Timer t = latest.get(target);
			if (t != null) {
				views.add(new SlaTimerView(target, t.targetMinutes(), t.startedAt(), t.shownDue(now, calendar),
						t.warnAt(), t.state(), t.metAt(), t.warned()));
			}
		}
		return Optional.of(new SlaTicketTimers(sla.get().policyName(), views));
	}

	/**
	 * Per target, how many timers due from {@code from} (inclusive) to {@code to}
	 * (exclusive) were met and missed, for one group or all when {@code groupId} is null.
	 * Timers still running are not counted.
	 */
	@Transactional(readOnly = true)
	public SlaCompliance compliance(Instant from, Instant to, UUID groupId) {
		return this.store.compliance(from, to, groupId);
	}

	/** The agent's latest notifications, newest first. */
	@Transactional(readOnly = true)
	public List<SlaNotification> notifications(UUID agentId, int limit) {
		return this.store.notifications(agentId, limit)
			.stream()
			.map(n -> new SlaNotification(n.id(), n.ticketId(),
					this.tickets.find(n.ticketId()).map(TicketView::number).orElse(""), n.kind(), n.target(), n.dueAt(),
					n.createdAt(), n.read()))
			.toList();
	}

	@Transactional(readOnly = true)
	public long unreadNotifications(UUID agentId) {
		return this.store.unread(agentId);
	}

	/** Marks one of the agent's notifications read, or all when {@code id} is null. */
	@Transactional
	public int markRead(UUID agentId, UUID id) {
		return this.store.markRead(agentId, id, this.clock.instant());
	}

	private SlaPolicy validPolicy(UUID id, SlaPolicy.Input in, int defaultPosition) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = in.name() == null ? "" : in.name().trim();
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new FieldProblem("name", "is required, at most 100 characters"));
		}
		else if (this.store.policyNameTaken(name, id)) {
			problems.add(new FieldProblem("name", "is taken by another policy"));
		}
		String priority = in.priority();
		if (priority == null || java.util.Arrays.stream(Priority.values()).noneMatch(p -> p.id().equals(priority))) {
			problems.add(new FieldProblem("priority", "must be one of urgent, high, normal, low"));
		}
		String channel = blank(in.channel());
		if (channel != null && java.util.Arrays.stream(Channel.values()).noneMatch(c -> c.id().equals(channel))) {
			problems.add(new FieldProblem("channel", "is not a known channel"));
		}
		String category = blank(in.category());
		if (category != null && java.util.Arrays.stream(Category.values()).noneMatch(c -> c.id().equals(category))) {
			problems.add(new FieldProblem("category", "is not a known category"));
		}
		String tier = blank(in.customerTier());
		if (tier != null && tier.length() > 32) {
			problems.add(new FieldProblem("customerTier", "is at most 32 characters"));
		}
		Integer[] minutes = { in.firstResponseMinutes(), in.nextResponseMinutes(), in.periodicUpdateMinutes(),
				in.resolutionMinutes() };
		String[] fields = { "firstResponseMinutes", "nextResponseMinutes", "periodicUpdateMinutes",
				"resolutionMinutes" };
		boolean any = false;
		for (int i = 0; i < minutes.length; i++) {
			if (minutes[i] != null) {
				any = true;
				if (minutes[i] <= 0 || minutes[i] > 525_600) {
					problems.add(new FieldProblem(fields[i], "must be between 1 and 525600 minutes"));
				}
			}
		}
		if (!any) {
			problems.add(new FieldProblem("firstResponseMinutes", "a policy needs at least one target"));
		}
		if (in.calendarId() != null && this.store.calendar(in.calendarId()).isEmpty()) {
			problems.add(new FieldProblem("calendarId", "is not a known calendar"));
		}
		List<String> actions = in.actions() == null ? List.of("notify")
				: List.copyOf(new LinkedHashSet<>(in.actions().stream().map(String::trim).toList()));
		if (!SlaPolicy.ACTIONS.containsAll(actions)) {
			problems.add(new FieldProblem("actions", "may hold only " + SlaPolicy.ACTIONS));
		}
		if (in.position() != null && in.position() < 0) {
			problems.add(new FieldProblem("position", "must not be negative"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new SlaPolicy(id, name, in.position() == null ? defaultPosition : in.position(),
				in.enabled() == null || in.enabled(), priority, channel, category, tier, in.firstResponseMinutes(),
				in.nextResponseMinutes(), in.periodicUpdateMinutes(), in.resolutionMinutes(), in.calendarId(), actions);
	}

	private SlaCalendar validCalendar(UUID id, SlaCalendar.Input in) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = in.name() == null ? "" : in.name().trim();
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new FieldProblem("name", "is required, at most 100 characters"));
		}
		else if (this.store.calendarNameTaken(name, id)) {
			problems.add(new FieldProblem("name", "is taken by another calendar"));
		}
		String zone = in.zone() == null || in.zone().isBlank() ? "UTC" : in.zone().trim();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("zone", "is not a known time zone"));
		}
		boolean alwaysOpen = in.alwaysOpen() != null && in.alwaysOpen();
		Map<String, String> hours = new LinkedHashMap<>();
		if (in.hours() != null) {
			for (Map.Entry<String, String> day : in.hours().entrySet()) {
				if (day.getValue() == null || day.getValue().isBlank()) {
					continue;
				}
				try {
					DayOfWeek weekday = DayOfWeek.valueOf(day.getKey().trim().toUpperCase(Locale.ROOT));
					hours.put(weekday.name(), BusinessCalendar.Hours.parse(day.getValue()).toString());
				}
				catch (IllegalArgumentException ex) {
					problems.add(
							new FieldProblem("hours." + day.getKey(), "must be a weekday with hours like 09:00-18:00"));
				}
			}
		}
		if (!alwaysOpen && hours.isEmpty()) {
			problems.add(new FieldProblem("hours", "a business-hours calendar needs at least one open weekday"));
		}
		String region = blank(in.holidayRegion());
		if (region != null && !region.matches("[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?")) {
			problems.add(new FieldProblem("holidayRegion", "must be an ISO 3166 code such as CN or GB"));
		}
		if (in.groupId() != null) {
			if (this.agents.group(in.groupId()).isEmpty()) {
				problems.add(new FieldProblem("groupId", "is not a known group"));
			}
			else if (this.store.groupCalendarTaken(in.groupId(), id)) {
				problems.add(new FieldProblem("groupId", "already has a calendar"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new SlaCalendar(id, name, zone, alwaysOpen, hours,
				region == null ? null : region.toUpperCase(Locale.ROOT),
				in.extraHolidays() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.extraHolidays())),
				in.groupId(), in.isDefault() != null && in.isDefault(), in.enabled() == null || in.enabled());
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
