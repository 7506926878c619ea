package io.walletdesk.channel.phone;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.walletdesk.channel.InboxView;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.platform.InvalidInputException;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.TicketView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles the events a telephony system reports for a call. Each event of a call is
 * handled once (a repeated {@code callId} + {@code event} is acknowledged and ignored, in
 * the same transaction as its effects, so a failed attempt can be repeated). Any event
 * finds or creates the caller and their current conversation; {@code answered} by a known
 * agent tells that agent's console; {@code ended} logs the call with duration and
 * recording, once.
 */
@Service
class CtiEvents {

	private static final Pattern CALL_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

	private final CallLog calls;

	private final CustomerManagement customers;

	private final AgentManagement agents;

	private final CallNotices notices;

	private final JdbcClient jdbc;

	private final Clock clock;

	CtiEvents(CallLog calls, CustomerManagement customers, AgentManagement agents, CallNotices notices, JdbcClient jdbc,
			Clock clock) {
		this.calls = calls;
		this.customers = customers;
		this.agents = agents;
		this.notices = notices;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @throws InvalidInputException listing every problem of the event; nothing is stored
	 * then
	 */
	@Transactional
	Outcome handle(InboxView inbox, CtiEvent event) {
		List<CallProblem> problems = problems(inbox, event);
		if (!problems.isEmpty()) {
			throw CallProblem.toException(problems);
		}
		Instant at = event.at() == null ? this.clock.instant() : event.at();
		int fresh = this.jdbc.sql("""
				insert into channel_phone_event (inbox_id, call_id, event, received_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(inbox.id(), event.callId(), event.event(), Timestamp.from(this.clock.instant()))
			.update();
		if (fresh == 0) {
			return this.calls.reported(inbox.id(), event.callId())
				.map(call -> Outcome.of(event, call, true))
				.orElse(new Outcome(event.callId(), event.event(), null, null, null, true));
		}
		String number = CallLog.number(customerNumber(event), inbox).orElseThrow();
		Optional<AgentView> agent = agent(inbox, event.agent());
		CallRecord call = this.calls.reported(inbox.id(), event.callId())
			.orElseGet(() -> begin(inbox, event, number, at));
		switch (event.event()) {
			case CtiEvent.ANSWERED -> {
				if (agent.isPresent()) {
					this.calls.answeredBy(call.id(), agent.get().id());
					this.notices.answered(agent.get().username(),
							new CallNotices.IncomingCall(event.callId(), call.customerId(),
									this.customers.displayName(call.customerId()), call.callerNumber(), call.ticketId(),
									call.ticketNumber(), "/tickets/" + call.ticketId()));
				}
			}
			case CtiEvent.ENDED -> {
				Actor author = agent.map(a -> Actor.agent(a.id(), a.displayName()))
					.or(() -> Optional.ofNullable(call.agentId())
						.flatMap(this.agents::find)
						.map(a -> Actor.agent(a.id(), a.displayName())))
					.orElse(Actor.system());
				Integer duration = event.durationSeconds() != null ? event.durationSeconds()
						: (int) Math.max(0, java.time.Duration.between(call.startedAt(), at).toSeconds());
				String recording = CallLog.blank(event.recordingUrl()) ? null : event.recordingUrl().strip();
				this.calls.complete(call.id(), Math.min(duration, CallLog.MAX_DURATION), null, recording, author);
			}
			default -> {
				// ringing: the caller and their conversation exist now; nothing else to
				// do
			}
		}
		return Outcome.of(event, this.calls.find(call.id()).orElseThrow(), false);
	}

	private CallRecord begin(InboxView inbox, CtiEvent event, String number, Instant at) {
		String name = CallLog.blank(event.callerName()) ? null : event.callerName().strip();
		UUID customerId = this.customers.identify(IdentityKind.PHONE, number, name, null);
		TicketView ticket = this.calls.conversation(inbox, customerId, number, event.direction(), at, Actor.system());
		UUID id = this.calls.insert(inbox.id(), event.callId(), customerId, ticket.id(), number, name,
				event.direction(), at, null);
		return this.calls.find(id).orElseThrow();
	}

	/**
	 * The agent an event names: through the inbox's extension map first
	 * ({@code 101=alice,102=bob@example.com}), then as username, then as e-mail. Unknown
	 * or disabled agents are no one.
	 */
	Optional<AgentView> agent(InboxView inbox, String value) {
		if (CallLog.blank(value)) {
			return Optional.empty();
		}
		String name = extensions(inbox.settings().get("extensions")).getOrDefault(value.strip(), value.strip());
		return this.agents.findByUsername(name)
			.or(() -> this.agents.all()
				.stream()
				.filter(agent -> agent.email() != null && agent.email().equalsIgnoreCase(name))
				.findFirst())
			.filter(AgentView::enabled);
	}

	static Map<String, String> extensions(String setting) {
		Map<String, String> map = new LinkedHashMap<>();
		if (setting == null) {
			return map;
		}
		for (String pair : setting.split("[,;\\n]")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && eq < pair.length() - 1) {
				map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
			}
		}
		return map;
	}

	private static String customerNumber(CtiEvent event) {
		return CallLog.OUTBOUND.equals(event.direction()) ? event.to() : event.from();
	}

	private List<CallProblem> problems(InboxView inbox, CtiEvent event) {
		List<CallProblem> problems = new ArrayList<>();
		if (event.callId() == null || !CALL_ID.matcher(event.callId()).matches()) {
			problems.add(new CallProblem("callId", event.callId() == null ? "required" : "tooLong"));
		}
		if (event.event() == null) {
			problems.add(new CallProblem("event", "required"));
		}
		else if (!List.of(CtiEvent.RINGING, CtiEvent.ANSWERED, CtiEvent.ENDED).contains(event.event())) {
			problems.add(new CallProblem("event", "event"));
		}
		if (!CallLog.INBOUND.equals(event.direction()) && !CallLog.OUTBOUND.equals(event.direction())) {
			problems.add(new CallProblem("direction", event.direction() == null ? "required" : "direction"));
		}
		else {
			String field = CallLog.OUTBOUND.equals(event.direction()) ? "to" : "from";
			String number = customerNumber(event);
			if (CallLog.blank(number)) {
				problems.add(new CallProblem(field, "required"));
			}
			else if (CallLog.number(number, inbox).isEmpty()) {
				problems.add(new CallProblem(field, "number"));
			}
		}
		if (event.durationSeconds() != null
				&& (event.durationSeconds() < 0 || event.durationSeconds() > CallLog.MAX_DURATION)) {
			problems.add(new CallProblem("durationSeconds", "duration"));
		}
		if (event.callerName() != null && event.callerName().length() > 200) {
			problems.add(new CallProblem("callerName", "tooLong"));
		}
		CallLog.recordingProblem(event.recordingUrl()).ifPresent(problems::add);
		return problems;
	}

	/**
	 * What the webhook answers.
	 *
	 * @param duplicate the event was reported before; nothing new happened
	 */
	record Outcome(String callId, String event, UUID customerId, UUID ticketId, String ticketNumber,
			boolean duplicate) {

		static Outcome of(CtiEvent event, CallRecord call, boolean duplicate) {
			return new Outcome(event.callId(), event.event().toLowerCase(Locale.ROOT), call.customerId(),
					call.ticketId(), call.ticketNumber(), duplicate);
		}

	}

}
