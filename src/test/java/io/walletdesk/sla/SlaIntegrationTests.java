package io.walletdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.TestClock;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class SlaIntegrationTests {

	// A Tuesday, far from other tests' tickets.
	private static final Instant T = Instant.parse("2031-03-04T10:00:00Z");

	@Autowired
	TestClock clock;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TestAgents agents;

	@Autowired
	TicketManagement tickets;

	@Autowired
	SlaManagement sla;

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventMulticaster multicaster;

	@AfterEach
	void release() {
		this.clock.release();
	}

	private TicketView ticket(Priority priority, UUID group) {
		TicketView ticket = this.console.ticket("Funds", "My transfer is stuck", group, priority);
		await(() -> timer(ticket.id(), "firstResponse"), t -> t != null && t.minutes() == minutesOf(priority));
		return ticket;
	}

	private static int minutesOf(Priority priority) {
		return switch (priority) {
			case URGENT -> 3;
			case HIGH -> 15;
			case NORMAL -> 60;
			case LOW -> 480;
		};
	}

	private SlaTimerView timer(UUID ticketId, String target) {
		return this.sla.timers(ticketId)
			.flatMap(view -> view.timers().stream().filter(t -> t.target().equals(target)).findFirst())
			.orElse(null);
	}

	private SlaTimerView awaitTimer(UUID ticketId, String target, Predicate<SlaTimerView> until) {
		return await(() -> timer(ticketId, target), t -> t != null && until.test(t));
	}

	private static <T> T await(Supplier<T> value, Predicate<T> until) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		T current = value.get();
		while (!until.test(current) && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			current = value.get();
		}
		return current;
	}

	private void reply(UUID ticketId, AgentView agent, Visibility visibility) {
		this.tickets.post(ticketId, PostMessage.reply(Actor.agent(agent.id(), agent.displayName()),
				"We are looking at it now.", visibility));
	}

	private void move(UUID ticketId, TicketStatus status, AgentView agent) {
		this.tickets.change(ticketId, ChangeTicket.status(status), Actor.agent(agent.id(), agent.displayName()));
	}

	private long notifications(UUID recipient, UUID ticketId, String kind) {
		return this.jdbc
			.sql("select count(*) from sla_notification where recipient_id = ? and ticket_id = ? and kind = ?")
			.params(recipient, ticketId, kind)
			.query(Long.class)
			.single();
	}

	@Test
	void firstResponseIsMetByAnAgentsPublicReplyBeforeTheDeadline() {
		this.clock.pin(T);
		AgentView agent = this.agents.create(Role.AGENT);
		TicketView ticket = ticket(Priority.URGENT, null);
		SlaTimerView first = timer(ticket.id(), "firstResponse");
		assertThat(first.dueAt()).isEqualTo(T.plus(Duration.ofMinutes(3)));
		assertThat(first.state()).isEqualTo("active");
		this.clock.advance(Duration.ofMinutes(2));
		reply(ticket.id(), agent, Visibility.INTERNAL);
		reply(ticket.id(), agent, Visibility.PUBLIC);
		SlaTimerView met = awaitTimer(ticket.id(), "firstResponse", t -> t.state().equals("met"));
		assertThat(met.state()).isEqualTo("met");
		assertThat(met.doneAt()).isEqualTo(T.plus(Duration.ofMinutes(2)));
		assertThat(this.sweeper.sweep().breached()).isEmpty();
	}

	@Test
	void escalatesWhenFirstResponseIsMissedAtExactlyTheDeadline() throws Exception {
		this.clock.pin(T);
		UUID group = this.agents.group("sla");
		AgentView supervisor = this.agents.create(Role.SUPERVISOR, group);
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = ticket(Priority.URGENT, group);
		this.tickets.change(ticket.id(),
				new ChangeTicket(null, null, null, java.util.Optional.of(agent.id()), null, null),
				Actor.agent(supervisor.id(), supervisor.displayName()));
		await(() -> this.jdbc.sql("select count(*) from sla_timer where ticket_id = ? and assignee_id = ?")
			.params(ticket.id(), agent.id())
			.query(Long.class)
			.single(), n -> n >= 2);
		this.clock.advance(Duration.ofMinutes(3).minusSeconds(1));
		this.sweeper.sweep();
		assertThat(timer(ticket.id(), "firstResponse").state()).isEqualTo("active");
		this.clock.advance(Duration.ofSeconds(1));
		this.sweeper.sweep();
		assertThat(timer(ticket.id(), "firstResponse").state()).isEqualTo("missed");
		await(() -> notifications(supervisor.id(), ticket.id(), "breach"), n -> n > 0);
		assertThat(notifications(supervisor.id(), ticket.id(), "breach")).isEqualTo(1);
		assertThat(notifications(agent.id(), ticket.id(), "breach")).isEqualTo(1);
		// The reply afterwards is recorded, late.
		reply(ticket.id(), agent, Visibility.PUBLIC);
		SlaTimerView late = awaitTimer(ticket.id(), "firstResponse", t -> t.doneAt() != null);
		assertThat(late.state()).isEqualTo("missed");
		String token = this.agents.tokenFor(supervisor.id());
		this.mvc.perform(get("/api/v1/tickets/" + ticket.id()).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sla.policy").value("Urgent"))
			.andExpect(jsonPath("$.sla.targets.firstResponse.state").value("missed"))
			.andExpect(jsonPath("$.sla.targets.resolution.state").value("active"))
			.andExpect(jsonPath("$.sla.targets.resolution.dueAt").value("2031-03-04T14:00:00Z"));
		assertThat(this.sla.compliance(T, T.plus(Duration.ofHours(1)), group).targets().get("firstResponse").missed())
			.isEqualTo(1);
	}

	@Test
	void warnsOnceAtThreeQuartersOfATarget() {
		this.clock.pin(T.plus(Duration.ofDays(1)));
		UUID group = this.agents.group("sla-warn");
		AgentView supervisor = this.agents.create(Role.SUPERVISOR, group);
		TicketView ticket = ticket(Priority.NORMAL, group);
		UUID first = this.jdbc.sql("select id from sla_timer where ticket_id = ? and target = 'firstResponse'")
			.param(ticket.id())
			.query(UUID.class)
			.single();
		this.clock.advance(Duration.ofMinutes(44));
		assertThat(this.sweeper.sweep().warned()).doesNotContain(first);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.sweeper.sweep().warned()).contains(first);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.sweeper.sweep().warned()).doesNotContain(first);
		await(() -> notifications(supervisor.id(), ticket.id(), "warning"), n -> n > 0);
		assertThat(notifications(supervisor.id(), ticket.id(), "warning")).isEqualTo(1);
	}

	@Test
	void pausesWhilePendingAndResumesWithTheRemainingTime() {
		this.clock.pin(T.plus(Duration.ofDays(2)));
		Instant start = this.clock.instant();
		AgentView agent = this.agents.create(Role.AGENT);
		TicketView ticket = ticket(Priority.NORMAL, null);
		this.clock.advance(Duration.ofMinutes(20));
		move(ticket.id(), TicketStatus.PENDING, agent);
		awaitTimer(ticket.id(), "firstResponse", t -> t.state().equals("paused"));
		this.clock.advance(Duration.ofHours(2));
		// Nothing fires while the ticket waits on the customer.
		this.sweeper.sweep();
		assertThat(timer(ticket.id(), "firstResponse").state()).isEqualTo("paused");
		move(ticket.id(), TicketStatus.OPEN, agent);
		SlaTimerView resumed = awaitTimer(ticket.id(), "firstResponse", t -> t.state().equals("active"));
		assertThat(resumed.dueAt()).isEqualTo(start.plus(Duration.ofHours(3)));
		move(ticket.id(), TicketStatus.SOLVED, agent);
		assertThat(awaitTimer(ticket.id(), "resolution", t -> !t.state().equals("active")).state()).isEqualTo("met");
	}

	@Test
	void businessHoursSkipTheWeekendAndAHoliday() throws Exception {
		UUID group = this.agents.group("sla-hours");
		String admin = this.agents.token(Role.ADMIN);
		this.mvc
			.perform(post("/api/v1/sla/calendars").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"Berlin office %s","zone":"Europe/Berlin","alwaysOpen":false,
						 "hours":{"monday":"09:00-18:00","tuesday":"09:00-18:00","wednesday":"09:00-18:00",
						          "thursday":"09:00-18:00","friday":"09:00-18:00"},
						 "extraHolidays":["2031-03-10"],"groupId":"%s"}""".formatted(group, group)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.hours.MONDAY").value("09:00-18:00"));
		// Friday 17:30 in Berlin (UTC+1 in March before the change).
		this.clock.pin(Instant.parse("2031-03-07T16:30:00Z"));
		TicketView ticket = ticket(Priority.NORMAL, group);
		// Half an hour on Friday, Monday is a holiday, the other half hour on Tuesday.
		assertThat(timer(ticket.id(), "firstResponse").dueAt()).isEqualTo(Instant.parse("2031-03-11T08:30:00Z"));
	}

	@Test
	void periodicUpdatesRunWhileOnHoldAndPublicRepliesRestartThem() {
		this.clock.pin(T.plus(Duration.ofDays(3)));
		Instant start = this.clock.instant();
		AgentView agent = this.agents.create(Role.AGENT);
		TicketView ticket = ticket(Priority.URGENT, null);
		this.clock.advance(Duration.ofMinutes(1));
		reply(ticket.id(), agent, Visibility.PUBLIC);
		awaitTimer(ticket.id(), "firstResponse", t -> t.state().equals("met"));
		this.clock.advance(Duration.ofMinutes(4));
		move(ticket.id(), TicketStatus.ON_HOLD, agent);
		SlaTimerView update = awaitTimer(ticket.id(), "periodicUpdate", t -> t.state().equals("active"));
		assertThat(update.dueAt()).isEqualTo(start.plus(Duration.ofMinutes(20)));
		this.clock.advance(Duration.ofMinutes(10));
		reply(ticket.id(), agent, Visibility.INTERNAL);
		this.clock.advance(Duration.ofMinutes(1));
		reply(ticket.id(), agent, Visibility.PUBLIC);
		SlaTimerView restarted = awaitTimer(ticket.id(), "periodicUpdate",
				t -> t.dueAt().equals(start.plus(Duration.ofMinutes(31))));
		assertThat(restarted.state()).isEqualTo("active");
		assertThat(this.jdbc
			.sql("select count(*) from sla_timer where ticket_id = ? and target = 'periodicUpdate' and state = 'met'")
			.param(ticket.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		move(ticket.id(), TicketStatus.OPEN, agent);
		assertThat(awaitTimer(ticket.id(), "periodicUpdate", t -> t.state().equals("met")).state()).isEqualTo("met");
	}

	@Test
	void aPriorityChangeRepicksThePolicyFromTheOriginalStart() {
		this.clock.pin(T.plus(Duration.ofDays(4)));
		Instant start = this.clock.instant();
		AgentView agent = this.agents.create(Role.AGENT);
		TicketView ticket = ticket(Priority.LOW, null);
		this.clock.advance(Duration.ofMinutes(1));
		this.tickets.change(ticket.id(), new ChangeTicket(null, Priority.URGENT, null, null, null, null),
				Actor.agent(agent.id(), agent.displayName()));
		SlaTimerView first = awaitTimer(ticket.id(), "firstResponse", t -> t.minutes() == 3);
		assertThat(first.dueAt()).isEqualTo(start.plus(Duration.ofMinutes(3)));
		assertThat(this.sla.ofTicket(ticket.id()).orElseThrow().policy()).isEqualTo("Urgent");
		assertThat(timer(ticket.id(), "resolution").dueAt()).isEqualTo(start.plus(Duration.ofHours(4)));
	}

	@Test
	void twoSweepersAtOnceFireEachBreachOnce() throws Exception {
		this.clock.pin(T.plus(Duration.ofDays(5)));
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(ticket(Priority.URGENT, null).id());
		}
		Map<UUID, AtomicInteger> fired = new ConcurrentHashMap<>();
		ApplicationListener<PayloadApplicationEvent<?>> counter = event -> {
			if (event.getPayload() instanceof SlaBreached breached && ids.contains(breached.ticketId())
					&& breached.target().equals("firstResponse")) {
				fired.computeIfAbsent(breached.ticketId(), id -> new AtomicInteger()).incrementAndGet();
			}
		};
		this.multicaster.addApplicationListener(counter);
		try {
			this.clock.advance(Duration.ofMinutes(5));
			CyclicBarrier together = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<SlaSweeper.Result>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					together.await();
					return this.sweeper.sweep();
				}));
			}
			for (Future<SlaSweeper.Result> result : results) {
				result.get();
			}
			pool.shutdown();
			this.sweeper.sweep();
		}
		finally {
			this.multicaster.removeApplicationListener(counter);
		}
		assertThat(fired.keySet()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(fired.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
	}

	@Test
	void timersThatFellDueWhileNoSweeperRanFireOnTheNextSweep() {
		this.clock.pin(T.plus(Duration.ofDays(6)));
		TicketView ticket = ticket(Priority.URGENT, null);
		// The nodes were down for ten hours: first response and resolution both passed.
		this.clock.advance(Duration.ofHours(10));
		SlaSweeper.Result result = this.sweeper.sweep();
		List<UUID> timers = this.jdbc.sql("select id from sla_timer where ticket_id = ?")
			.param(ticket.id())
			.query(UUID.class)
			.list();
		assertThat(result.breached()).containsAll(timers);
		assertThat(List.of(timer(ticket.id(), "firstResponse").state(), timer(ticket.id(), "resolution").state()))
			.containsOnly("missed");
		assertThat(this.sweeper.sweep().breached()).doesNotContainAnyElementsOf(timers);
	}

	@Test
	void policyApiValidatesAndIsForSupervisors() throws Exception {
		String supervisor = this.agents.token(Role.SUPERVISOR);
		String agent = this.agents.token(Role.AGENT);
		this.mvc.perform(get("/api/v1/sla/policies").header("Authorization", agent))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.name == 'Urgent')].firstResponseMinutes").value(3))
			.andExpect(jsonPath("$[?(@.name == 'Urgent')].periodicUpdateMinutes").value(15));
		String body = """
				{"name":"VIP urgent %s","priority":"urgent","customerTier":"vip","firstResponseMinutes":1,
				 "actions":["notify","reassign"]}""".formatted(UUID.randomUUID());
		this.mvc
			.perform(post("/api/v1/sla/policies").header("Authorization", agent)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/sla/policies").header("Authorization", supervisor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"","priority":"asap","firstResponseMinutes":-5,"actions":["page_the_ceo"]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'priority')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'firstResponseMinutes')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'actions')]").exists());
		String created = this.mvc
			.perform(post("/api/v1/sla/policies").header("Authorization", supervisor)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.customerTier").value("vip"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(created, "$.id");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.delete("/api/v1/sla/policies/" + id)
				.header("Authorization", supervisor))
			.andExpect(status().isNoContent());
	}

	@Test
	void adminPageIsForSupervisorsAndAdmins() throws Exception {
		AgentView agent = this.agents.create(Role.AGENT);
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		this.mvc.perform(get("/admin/sla").with(this.console.as(agent.id()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/sla").with(this.console.as(supervisor.id())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("data-policy=\"Urgent\"")));
	}

	@Test
	void aCustomerMessageAfterTheReplyStartsTheNextResponseWhichTheNextReplyMeets() {
		this.clock.pin(T.plus(Duration.ofDays(7)));
		Instant start = this.clock.instant();
		AgentView agent = this.agents.create(Role.AGENT);
		TicketView ticket = ticket(Priority.HIGH, null);
		this.clock.advance(Duration.ofMinutes(5));
		reply(ticket.id(), agent, Visibility.PUBLIC);
		awaitTimer(ticket.id(), "firstResponse", t -> t.state().equals("met"));
		this.clock.advance(Duration.ofMinutes(5));
		this.tickets.post(ticket.id(),
				new PostMessage(Actor.customer(ticket.requesterId(), "Customer"), Visibility.PUBLIC,
						"Still not arrived", null, io.walletdesk.ticket.Channel.EMAIL, null, null, List.of(), null));
		SlaTimerView next = awaitTimer(ticket.id(), "nextResponse", t -> t.state().equals("active"));
		assertThat(next.dueAt()).isEqualTo(start.plus(Duration.ofMinutes(70)));
		this.clock.advance(Duration.ofMinutes(20));
		reply(ticket.id(), agent, Visibility.PUBLIC);
		assertThat(awaitTimer(ticket.id(), "nextResponse", t -> !t.state().equals("active")).state()).isEqualTo("met");
	}

	@Test
	void theTicketPageShowsTheTimersWithTheirDeadlines() throws Exception {
		this.clock.pin(T.plus(Duration.ofDays(8)));
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		TicketView ticket = ticket(Priority.URGENT, null);
		this.mvc.perform(get("/tickets/" + ticket.id() + "/sla").with(this.console.as(supervisor.id())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(
						org.hamcrest.Matchers.containsString("data-sla-target=\"firstResponse\""),
						org.hamcrest.Matchers.containsString("data-sla-state=\"active\""),
						org.hamcrest.Matchers.containsString(
								"data-sla-due=\"" + T.plus(Duration.ofDays(8)).plus(Duration.ofMinutes(3)) + "\""))));
		this.mvc.perform(get("/sla/notifications").with(this.console.as(supervisor.id())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"sla-bell\"")));
	}

	@Test
	void aReopenedTicketGetsANewResolutionRunButAMissedOneIsNotRestarted() {
		this.clock.pin(T.plus(Duration.ofDays(9)));
		AgentView agent = this.agents.create(Role.AGENT);
		TicketView ticket = ticket(Priority.URGENT, null);
		this.clock.advance(Duration.ofHours(5));
		this.sweeper.sweep();
		assertThat(timer(ticket.id(), "resolution").state()).isEqualTo("missed");
		this.tickets.change(ticket.id(),
				new ChangeTicket(null, null, null, java.util.Optional.of(agent.id()), null, null),
				Actor.agent(agent.id(), agent.displayName()));
		move(ticket.id(), TicketStatus.OPEN, agent);
		await(() -> this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single(), n -> n == 0);
		assertThat(timer(ticket.id(), "resolution").state()).isEqualTo("missed");
		move(ticket.id(), TicketStatus.SOLVED, agent);
		awaitTimer(ticket.id(), "resolution", t -> t.doneAt() != null);
		Instant reopened = this.clock.advance(Duration.ofMinutes(10));
		move(ticket.id(), TicketStatus.OPEN, agent);
		SlaTimerView again = awaitTimer(ticket.id(), "resolution", t -> t.state().equals("active"));
		assertThat(again.dueAt()).isEqualTo(reopened.plus(Duration.ofHours(4)));
	}

}
