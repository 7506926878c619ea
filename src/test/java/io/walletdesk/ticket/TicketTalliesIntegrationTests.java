package io.walletdesk.ticket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@WalletDeskIntegrationTest
class TicketTalliesIntegrationTests {

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	TicketTallies tallies;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TestAgents agents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countersFollowEveryChangeOfAnActiveTicketBeforeAndAfterFolding() {
		UUID group = this.agents.group("tally");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView first = this.console.ticket("Stuck USDT", "my transfer is pending", group, null);
		TicketView second = this.console.ticket("Wrong balance", "balance shows zero", group, null);
		TicketView third = this.console.ticket("Drained", "funds gone", group, Priority.URGENT);
		Actor supervisor = Actor.agent(agent.id(), agent.displayName());

		assertThat(groupCount(group)).isEqualTo(3);
		this.tickets.change(first.id(), new ChangeTicket(null, null, null, Optional.of(agent.id()), null, null),
				supervisor);
		this.tickets.change(third.id(), new ChangeTicket(null, null, null, Optional.of(agent.id()), null, null),
				supervisor);
		this.tickets.change(second.id(), ChangeTicket.status(TicketStatus.SOLVED), supervisor);

		assertThat(groupCount(group)).isEqualTo(2);
		assertThat(this.queries.workloads().get(agent.id())).isEqualTo(new Workload(agent.id(), 0, 2));
		Map<String, Long> counts = this.queries.activeCounts(this.console.principal(agent.id()));
		assertThat(counts.get("mine")).isEqualTo(2);
		assertThat(counts.get("group:" + group)).isEqualTo(2);

		this.tallies.foldAll();
		assertThat(groupCount(group)).isEqualTo(2);
		assertThat(this.queries.workloads().get(agent.id())).isEqualTo(new Workload(agent.id(), 0, 2));
		assertThat(countsByBucket(this.queries.tallies())).isEqualTo(countedOverTickets());

		this.tickets.change(first.id(), ChangeTicket.status(TicketStatus.SOLVED), supervisor);
		this.tickets.change(third.id(), new ChangeTicket(null, Priority.HIGH, null, null, null, null), supervisor);
		assertThat(this.queries.workloads().get(agent.id())).isEqualTo(new Workload(agent.id(), 0, 1));
		assertThat(countsByBucket(this.queries.tallies())).isEqualTo(countedOverTickets());
		this.tallies.foldAll();
		assertThat(countsByBucket(this.queries.tallies())).isEqualTo(countedOverTickets());
		assertThat(this.jdbc.sql("select count(*) from ticket_tally where tickets = 0").query(Long.class).single())
			.isZero();
	}

	private long groupCount(UUID group) {
		return this.queries.tallies()
			.stream()
			.filter(tally -> group.equals(tally.groupId()))
			.mapToLong(QueueTally::tickets)
			.sum();
	}

	private static Map<String, Long> countsByBucket(List<QueueTally> tallies) {
		Map<String, Long> counts = new HashMap<>();
		tallies.forEach(tally -> counts.merge(tally.groupId() + "/" + tally.assigneeId() + "/" + tally.status().id()
				+ "/" + tally.priority().id() + "/" + tally.channel().id(), tally.tickets(), Long::sum));
		return counts;
	}

	private Map<String, Long> countedOverTickets() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc
			.sql("select group_id, assignee_id, status, priority, channel, count(*) from ticket"
					+ " where status in ('new', 'open', 'pending', 'on_hold')"
					+ " group by group_id, assignee_id, status, priority, channel")
			.query((rs,
					row) -> counts.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/"
							+ rs.getString(4) + "/" + rs.getString(5), rs.getLong(6)))
			.list();
		return counts;
	}

}
