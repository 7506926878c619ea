package io.walletdesk.ticket;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads and folds the incrementally kept ticket counters (migration V21: a trigger
 * appends deltas). Folding claims deltas with {@code FOR UPDATE SKIP LOCKED}, so several
 * nodes fold side by side without counting a delta twice.
 */
@Component
class TicketTallies {

	static final int FOLD_BATCH = 10_000;

	private final JdbcClient jdbc;

	TicketTallies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every non-empty bucket: the folded tally plus the deltas not folded yet.
	 */
	List<QueueTally> read() {
		return this.jdbc.sql("""
				select group_id, assignee_id, status, priority, channel, sum(tickets) as tickets from (
				    select group_id, assignee_id, status, priority, channel, tickets from ticket_tally
				    union all
				    select group_id, assignee_id, status, priority, channel, delta from ticket_tally_delta
				) buckets
				group by group_id, assignee_id, status, priority, channel
				having sum(tickets) <> 0""")
			.query((rs, row) -> new QueueTally(rs.getObject("group_id", UUID.class),
					rs.getObject("assignee_id", UUID.class), TicketStatus.fromId(rs.getString("status")),
					Priority.fromId(rs.getString("priority")), Channel.fromId(rs.getString("channel")),
					rs.getLong("tickets")))
			.list();
	}

	/**
	 * Folds up to one batch of deltas into the tally. One statement, so it is atomic on
	 * its own: the claimed deltas are deleted exactly when their sums are added.
	 * @return how many buckets changed; 0 when there was nothing to fold
	 */
	int fold() {
		int folded = this.jdbc.sql("""
				with moved as (
				    delete from ticket_tally_delta where id in (
				        select id from ticket_tally_delta order by id limit ? for update skip locked)
				    returning group_id, assignee_id, status, priority, channel, delta
				)
				insert into ticket_tally (group_id, assignee_id, status, priority, channel, tickets)
				select group_id, assignee_id, status, priority, channel, sum(delta) from moved
				group by group_id, assignee_id, status, priority, channel
				on conflict on constraint ticket_tally_bucket
				do update set tickets = ticket_tally.tickets + excluded.tickets""").param(FOLD_BATCH).update();
		if (folded > 0) {
			this.jdbc.sql("delete from ticket_tally where tickets = 0").update();
		}
		return folded;
	}

	@Scheduled(fixedDelayString = "${walletdesk.tickets.tally-fold-interval:2s}")
	void foldAll() {
		while (fold() > 0) {
			// keeps folding while a burst left more than one batch
		}
	}

}
