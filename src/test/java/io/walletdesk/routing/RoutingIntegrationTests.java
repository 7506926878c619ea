package io.walletdesk.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.TestClock;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.NewCustomer;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.OpenTicket;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class RoutingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents testAgents;

	@Autowired
	TestClock clock;

	@Autowired
	RoutingManagement routing;

	@Autowired
	TicketManagement tickets;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@AfterEach
	void release() {
		this.clock.release();
	}

	private UUID liveChat(UUID group) {
		return liveChat(group, null);
	}

	private UUID liveChat(UUID group, UUID assignee) {
		UUID customer = this.customers.create(new NewCustomer("Visitor", "en", "UTC", List.of())).id();
		return this.tickets
			.open(new OpenTicket(customer, "Transfer pending", "my USDT transfer is pending", null, Channel.WEB_CHAT,
					null, null, Priority.HIGH, null, Set.of(), group, null, List.of(),
					Actor.customer(customer, "Visitor")))
			.id();
	}

	private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> until) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		T current = value.get();
		while (!until.test(current) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			current = value.get();
		}
		return current;
	}

	@Test
	void presenceIsSetOverTheApiAndValidated() throws Exception {
		String token = this.testAgents.token(Role.AGENT);
		this.mvc
			.perform(put("/api/v1/agents/me/presence").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"presence\":\"away\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.presence").value("away"));
		this.mvc
			.perform(put("/api/v1/agents/me/presence").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"presence\":\"asleep\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void onlySupervisorsPinAndOnlyAdminsSetRules() throws Exception {
		UUID group = this.testAgents.group("pins");
		UUID ticket = liveChat(group);
		this.mvc
			.perform(
					put("/api/v1/tickets/" + ticket + "/pin").header("Authorization", this.testAgents.token(Role.AGENT))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/admin/routing/groups/" + group)
				.header("Authorization", this.testAgents.token(Role.SUPERVISOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"autoAssign\":true}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/admin/routing/groups/" + group)
				.header("Authorization", this.testAgents.token(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"autoAssign\":true,\"offerTimeoutSeconds\":2}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aLiveChatIsOfferedToOneAgentAndMovesOnWhenDeclinedOrTimedOut() throws Exception {
		UUID group = this.testAgents.group("chat");
		this.routing.saveRule(new GroupRule(group, true, 30, true, true, new Capacity(3, 20), Map.of()));
		AgentView first = this.testAgents.create(Role.AGENT, group);
		AgentView second = this.testAgents.create(Role.AGENT, group);
		this.routing.setPresence(first.id(), Presence.ONLINE);
		this.routing.setPresence(second.id(), Presence.ONLINE);
		UUID ticket = liveChat(group);
		Optional<RoutingManagement.Offer> offer = await(
				() -> this.routing.openOffer(first.id()).or(() -> this.routing.openOffer(second.id())),
				Optional::isPresent);
		assertThat(offer).isPresent();
		AgentView offered = this.routing.openOffer(first.id()).isPresent() ? first : second;
		AgentView other = offered == first ? second : first;
		assertThat(this.routing.openOffer(other.id())).isEmpty();
		assertThat(this.tickets.get(ticket).assigneeId()).isNull();

		this.routing.decline(offer.get().offerId(), this.console.principal(offered.id()));
		Optional<RoutingManagement.Offer> next = this.routing.openOffer(other.id());
		assertThat(next).isPresent();
		assertThat(this.routing.openOffer(offered.id())).isEmpty();

		// Nobody else is left: after the timeout the chat waits in the queue unassigned.
		this.clock.pin(next.get().expiresAt());
		// The background sweep may get there first; either way the offer ends once.
		this.routing.expireOffers();
		assertThat(this.routing.openOffer(other.id())).isEmpty();
		TicketView waiting = this.tickets.get(ticket);
		assertThat(waiting.assigneeId()).isNull();
	}

	@Test
	void aSilentConsoleMakesTheAgentAwayThenOffline() {
		AgentView agent = this.testAgents.create(Role.AGENT);
		Instant start = Instant.parse("2026-03-29T00:30:00Z");
		this.clock.pin(start);
		this.routing.heartbeat(agent.id());
		assertThat(this.routing.presence(agent.id())).isEqualTo(Presence.ONLINE);
		this.clock.pin(start.plus(Duration.ofMinutes(4)));
		this.routing.sweepInactive(new RoutingSettings(Duration.ofMinutes(5), Duration.ofMinutes(15),
				Duration.ofSeconds(5), Duration.ofSeconds(30)));
		assertThat(this.routing.presence(agent.id())).isEqualTo(Presence.ONLINE);
		this.clock.pin(start.plus(Duration.ofMinutes(5)));
		this.routing.sweepInactive(new RoutingSettings(Duration.ofMinutes(5), Duration.ofMinutes(15),
				Duration.ofSeconds(5), Duration.ofSeconds(30)));
		assertThat(this.routing.presence(agent.id())).isEqualTo(Presence.AWAY);
		this.clock.pin(start.plus(Duration.ofMinutes(20)));
		this.routing.sweepInactive(new RoutingSettings(Duration.ofMinutes(5), Duration.ofMinutes(15),
				Duration.ofSeconds(5), Duration.ofSeconds(30)));
		assertThat(this.routing.presence(agent.id())).isEqualTo(Presence.OFFLINE);
		// The console comes back: the agent is online again.
		this.routing.heartbeat(agent.id());
		assertThat(this.routing.presence(agent.id())).isEqualTo(Presence.ONLINE);
	}

	@Test
	void goingOfflineHandsBackLiveChatsButNotPinnedOnes() throws Exception {
		UUID group = this.testAgents.group("offline");
		AgentView agent = this.testAgents.create(Role.AGENT, group);
		AgentView supervisor = this.testAgents.create(Role.SUPERVISOR, group);
		this.routing.setPresence(agent.id(), Presence.ONLINE);
		UUID loose = liveChat(group, agent.id());
		UUID pinned = liveChat(group, agent.id());
		this.routing.pin(pinned, agent.id(), Actor.agent(supervisor.id(), supervisor.displayName()));
		this.routing.setPresence(agent.id(), Presence.OFFLINE);
		TicketView released = await(() -> this.tickets.get(loose), t -> t.assigneeId() == null);
		assertThat(released.assigneeId()).isNull();
		assertThat(this.tickets.get(pinned).assigneeId()).isEqualTo(agent.id());
		assertThat(this.routing.pinnedTo(pinned)).contains(agent.id());
	}

	@Test
	void twoConcurrentDecisionsForOneTicketEndWithOneAssignee() throws Exception {
		UUID group = this.testAgents.group("race");
		AgentView first = this.testAgents.create(Role.AGENT, group);
		AgentView second = this.testAgents.create(Role.AGENT, group);
		this.routing.setPresence(first.id(), Presence.ONLINE);
		this.routing.setPresence(second.id(), Presence.ONLINE);
		UUID customer = this.customers.create(new NewCustomer("Mailer", "en", "UTC", List.of())).id();
		UUID ticket = this.tickets
			.open(new OpenTicket(customer, "Question", "how do I add a token", null, Channel.EMAIL, null, null,
					Priority.NORMAL, null, Set.of(), group, null, List.of(), Actor.customer(customer, "Mailer")))
			.id();
		this.routing.saveRule(new GroupRule(group, true, 30, false, true, new Capacity(3, 20), Map.of()));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			results.add(pool.submit(() -> {
				go.await();
				return this.routing.route(ticket);
			}));
		}
		go.countDown();
		int assigned = 0;
		for (var result : results) {
			assigned += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(assigned).isLessThanOrEqualTo(1);
		UUID assignee = await(() -> this.tickets.get(ticket).assigneeId(), java.util.Objects::nonNull);
		assertThat(assignee).isIn(first.id(), second.id());
		assertThat(this.jdbc.sql("select count(*) from routing_offer where ticket_id = ? and state = 'assigned'")
			.param(ticket)
			.query(Long.class)
			.single()).isEqualTo(1L);
	}

}
