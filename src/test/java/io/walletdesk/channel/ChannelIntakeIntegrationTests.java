package io.walletdesk.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@WalletDeskIntegrationTest
class ChannelIntakeIntegrationTests {

	@Autowired
	ChannelIntake intake;

	@Autowired
	TicketManagement tickets;

	@Autowired
	JdbcClient jdbc;

	UUID inboxId;

	@BeforeEach
	void inbox() {
		this.inboxId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into channel_inbox (id, kind, name, public_key, created_at)
				values (?, 'telegram', 'Support bot', ?, now())""")
			.params(this.inboxId, "test_" + this.inboxId)
			.update();
	}

	private InboundMessage message(String externalId, String chat, String text) {
		return new InboundMessage(this.inboxId, externalId, chat, null, IdentityKind.TELEGRAM, chat, "Li Na", "zh",
				null, text, null, List.of(), Instant.now());
	}

	@Test
	void messagesOfOneConversationContinueItsTicketUntilItIsClosed() {
		String chat = "chat-" + UUID.randomUUID();
		IntakeResult first = this.intake.receive(message("m1", chat, "我的USDT没到账"));
		IntakeResult second = this.intake.receive(message("m2", chat, "交易哈希已经发了"));
		assertThat(first.newTicket()).isTrue();
		assertThat(second.newTicket()).isFalse();
		assertThat(second.ticketId()).isEqualTo(first.ticketId());
		assertThat(customerMessages(first.ticketId())).hasSize(2);

		this.tickets.change(first.ticketId(), ChangeTicket.status(TicketStatus.SOLVED),
				io.walletdesk.ticket.Actor.system());
		IntakeResult reopening = this.intake.receive(message("m3", chat, "还是没到"));
		assertThat(reopening.ticketId()).isEqualTo(first.ticketId());
		assertThat(this.tickets.get(first.ticketId()).status()).isEqualTo(TicketStatus.OPEN);

		this.tickets.change(first.ticketId(), ChangeTicket.status(TicketStatus.SOLVED),
				io.walletdesk.ticket.Actor.system());
		this.tickets.change(first.ticketId(), ChangeTicket.status(TicketStatus.CLOSED),
				io.walletdesk.ticket.Actor.system());
		IntakeResult followUp = this.intake.receive(message("m4", chat, "新问题"));
		assertThat(followUp.newTicket()).isTrue();
		assertThat(followUp.ticketId()).isNotEqualTo(first.ticketId());
	}

	@Test
	void aRetriedDeliveryIsStoredOnceAndAnsweredWithTheFirstResult() {
		String chat = "chat-" + UUID.randomUUID();
		IntakeResult first = this.intake.receive(message("same-id", chat, "help"));
		IntakeResult retry = this.intake.receive(message("same-id", chat, "help"));
		assertThat(retry.duplicate()).isTrue();
		assertThat(retry.messageId()).isEqualTo(first.messageId());
		assertThat(customerMessages(first.ticketId())).hasSize(1);
	}

	@Test
	void concurrentFirstMessagesOfOneConversationEndInOneTicket() throws Exception {
		String chat = "chat-" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<IntakeResult>> calls = List.of(() -> this.intake.receive(message("a", chat, "1")),
					() -> this.intake.receive(message("b", chat, "2")),
					() -> this.intake.receive(message("c", chat, "3")),
					() -> this.intake.receive(message("d", chat, "4")));
			List<UUID> ticketIds = pool.invokeAll(calls).stream().map(ChannelIntakeIntegrationTests::get).toList();
			assertThat(ticketIds).containsOnly(ticketIds.get(0));
			assertThat(customerMessages(ticketIds.get(0))).hasSize(4);
		}
		finally {
			pool.shutdown();
		}
	}

	private List<io.walletdesk.ticket.TicketView.MessageView> customerMessages(UUID ticketId) {
		return this.tickets.details(ticketId)
			.messages()
			.stream()
			.filter(m -> m.authorKind() == io.walletdesk.ticket.AuthorKind.CUSTOMER)
			.toList();
	}

	private static UUID get(Future<IntakeResult> future) {
		try {
			return future.get().ticketId();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
