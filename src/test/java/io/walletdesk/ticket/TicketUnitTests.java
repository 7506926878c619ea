package io.walletdesk.ticket;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TicketUnitTests {

	private final Actor agent = Actor.agent(UUID.randomUUID(), "Agent");

	private final Actor customer = Actor.customer(UUID.randomUUID(), "Customer");

	private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

	private Ticket newTicket() {
		return new Ticket(123, "Stuck transfer", Channel.EMAIL, UUID.randomUUID(), null, null, Set.of(" USDT ", "Tron"),
				this.customer, this.now);
	}

	@Test
	void formatsHumanFriendlyNumbers() {
		assertThat(newTicket().toView().number()).isEqualTo("WD-000123");
		assertThat(Ticket.formatNumber(1234567)).isEqualTo("WD-1234567");
	}

	@Test
	void startsNewWithNormalPriorityAndNormalizedTags() {
		TicketView view = newTicket().toView();
		assertThat(view.status()).isEqualTo(TicketStatus.NEW);
		assertThat(view.priority()).isEqualTo(Priority.NORMAL);
		assertThat(view.tags()).containsExactly("tron", "usdt");
	}

	@Test
	void firstPublicReplyIsFirstResponseAndOpensTheTicket() {
		Ticket ticket = newTicket();
		ticket.agentReplied(this.agent, this.now.plusSeconds(60));
		ticket.agentReplied(this.agent, this.now.plusSeconds(600));
		assertThat(ticket.toView().firstResponseAt()).isEqualTo(this.now.plusSeconds(60));
		assertThat(ticket.toView().lastAgentMessageAt()).isEqualTo(this.now.plusSeconds(600));
		assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void customerReplyReopensPendingAndSolvedTickets() {
		Ticket ticket = newTicket();
		ticket.moveTo(TicketStatus.PENDING, this.agent, this.now);
		ticket.customerWrote(this.customer, this.now.plusSeconds(5));
		assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
		ticket.moveTo(TicketStatus.SOLVED, this.agent, this.now.plusSeconds(10));
		assertThat(ticket.toView().solvedAt()).isNotNull();
		ticket.customerWrote(this.customer, this.now.plusSeconds(20));
		assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(ticket.toView().solvedAt()).isNull();
	}

	@Test
	void customerReplyLeavesOnHoldTicketsWithTheOtherTeam() {
		Ticket ticket = newTicket();
		ticket.moveTo(TicketStatus.ON_HOLD, this.agent, this.now);
		ticket.customerWrote(this.customer, this.now.plusSeconds(5));
		assertThat(ticket.status()).isEqualTo(TicketStatus.ON_HOLD);
	}

	@Test
	void closedIsFinal() {
		Ticket ticket = newTicket();
		ticket.moveTo(TicketStatus.SOLVED, this.agent, this.now);
		ticket.moveTo(TicketStatus.CLOSED, this.agent, this.now);
		assertThat(ticket.toView().closedAt()).isEqualTo(this.now);
		assertThatIllegalStateException().isThrownBy(() -> ticket.moveTo(TicketStatus.OPEN, this.agent, this.now));
		assertThatIllegalStateException().isThrownBy(() -> ticket.customerWrote(this.customer, this.now));
		assertThatIllegalStateException().isThrownBy(() -> ticket.prioritize(Priority.URGENT, this.agent, this.now));
	}

	@Test
	void refusesToCloseATicketThatIsNotSolved() {
		Ticket ticket = newTicket();
		assertThatIllegalStateException().isThrownBy(() -> ticket.moveTo(TicketStatus.CLOSED, this.agent, this.now))
			.withMessageContaining("new to closed");
	}

	@Test
	void recordsWhoChangedWhatInTheHistory() {
		Ticket ticket = newTicket();
		ticket.drainChanges();
		ticket.prioritize(Priority.URGENT, this.agent, this.now);
		ticket.categorize(Category.SECURITY_INCIDENT, this.agent, this.now);
		ticket.prioritize(Priority.URGENT, this.agent, this.now);
		assertThat(ticket.drainChanges()).extracting(TicketChange::toView)
			.extracting(TicketView.Change::field, TicketView.Change::oldValue, TicketView.Change::newValue,
					TicketView.Change::actorName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("priority", "normal", "urgent", "Agent"),
					org.assertj.core.groups.Tuple.tuple("category", null, "security_incident", "Agent"));
	}

	@Test
	void derivesPlainTextFromSanitizedHtml() {
		String html = "<p>Hello <b>there</b></p><script>alert(1)</script><p>Line&nbsp;two &amp; more</p>";
		assertThat(HtmlBodies.sanitize(html)).doesNotContain("script").contains("<b>there</b>");
		assertThat(HtmlBodies.toText(html)).isEqualTo("Hello there\nLine\u00a0two & more");
	}

}
