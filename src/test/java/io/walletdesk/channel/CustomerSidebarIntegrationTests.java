package io.walletdesk.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.OpenTicket;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer sidebar of a ticket shows the customer's identities on every channel and
 * their other conversations, each with the channel it came through.
 */
@WalletDeskIntegrationTest
class CustomerSidebarIntegrationTests {

	@Autowired
	ChannelIntake intake;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	CustomerManagement customers;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	MockMvc mvc;

	@Test
	void theSidebarListsIdentitiesAndOtherConversationsWithTheirChannels() throws Exception {
		InboxView inbox = this.inboxes.create("telegram", "Sidebar bot " + UUID.randomUUID(), Map.of("botTokenEnv",
				"UNSET_SIDEBAR_TOKEN", "secretTokenEnv", "UNSET_SIDEBAR_SECRET", "acknowledge", "false"), null);
		String chat = String.valueOf(7_000_000 + (long) (Math.random() * 1_000_000));
		IntakeResult telegram = this.intake
			.receive(new InboundMessage(inbox.id(), "s-" + chat, chat, null, IdentityKind.TELEGRAM, chat, "Mia", "en",
					null, "my bridge transfer is stuck", null, List.of(), Instant.now()));
		UUID customer = this.tickets.get(telegram.ticketId()).requesterId();
		String email = "mia-" + UUID.randomUUID() + "@example.test";
		this.customers.linkVerified(customer, IdentityKind.EMAIL, email);
		TicketView byMail = this.tickets.open(new OpenTicket(customer, "Earlier mail question", "Card top-up failed",
				null, Channel.EMAIL, null, null, null, null, null, null, null, List.of(), Actor.system()));

		AgentView agent = this.agents.create(Role.SUPERVISOR);
		String page = this.mvc.perform(get("/tickets/{id}", telegram.ticketId()).with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String sidebar = page.substring(page.indexOf("customer-panel"), page.indexOf("ticket-history"));
		assertThat(sidebar).contains("<dt>Telegram</dt>")
			.contains(chat)
			.contains("<dt>Email</dt>")
			.contains(email)
			.contains(byMail.number())
			.contains("Earlier mail question")
			.containsPattern("channel-label[^\"]*channel-email\"[^>]*>Email<");
	}

}
