package io.walletdesk.channel.phone;

import java.util.UUID;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ticket page's calls panel: the form logs a call into the ticket, shows problems
 * next to their fields, and lists the customer's calls, in the agent's language.
 */
@WalletDeskIntegrationTest
class CallConsoleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TicketManagement tickets;

	AgentView agent;

	TicketView ticket;

	@BeforeEach
	void setUp() {
		UUID group = this.agents.group("phone-console");
		this.agent = this.agents.create(Role.AGENT, group);
		this.ticket = this.console.ticket("Card top-up failed", "It failed twice", group, Priority.NORMAL);
	}

	@Test
	void theTicketPageLoadsTheCallsPanel() throws Exception {
		String page = this.mvc.perform(get("/tickets/{id}", this.ticket.id()).with(this.console.as(this.agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("hx-get=\"/tickets/" + this.ticket.id() + "/calls\"").contains("id=\"call-notice\"");

		String panel = this.mvc
			.perform(get("/tickets/{id}/calls", this.ticket.id()).with(this.console.as(this.agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(panel).contains("Log a call").contains("Phone number").contains("No calls logged yet.");
	}

	@Test
	void problemsAreShownNextToTheirFieldsAndNothingIsLogged() throws Exception {
		String panel = this.mvc
			.perform(post("/tickets/{id}/calls", this.ticket.id()).param("callerNumber", "12345")
				.param("direction", "inbound")
				.param("minutes", "2")
				.param("seconds", "75")
				.param("recordingUrl", "http://pbx.example.com/r.mp3")
				.header("HX-Request", "true")
				.with(csrf())
				.with(this.console.as(this.agent.id())))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(panel).contains("Enter the number in international form")
			.contains("Enter minutes and seconds (0–59)")
			.contains("Only https:// links are accepted.")
			.contains("value=\"12345\"");
		assertThat(this.tickets.details(this.ticket.id()).messages()).hasSize(1);
	}

	@Test
	void aValidFormLogsTheCallIntoThisTicketAsAnInternalNote() throws Exception {
		String panel = this.mvc
			.perform(post("/tickets/{id}/calls", this.ticket.id()).param("callerNumber", "+86 138 0013 8000")
				.param("callerName", "Zhao Lei")
				.param("direction", "outbound")
				.param("minutes", "4")
				.param("seconds", "5")
				.param("notes", "Explained the top-up limits")
				.header("HX-Request", "true")
				.with(csrf())
				.with(this.console.as(this.agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(panel).contains("The call was logged as an internal note.")
			.contains("+8613800138000")
			.contains("4 min 5 s")
			.contains("Explained the top-up limits");
		TicketView.MessageView note = this.tickets.details(this.ticket.id()).messages().get(1);
		assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
		assertThat(note.authorKind()).isEqualTo(AuthorKind.AGENT);
		assertThat(note.body()).contains("Phone call (outbound) to +8613800138000 (Zhao Lei)")
			.contains("Duration: 4 min 05 s");
	}

	@Test
	void thePanelSpeaksChineseToAChineseConsole() throws Exception {
		String panel = this.mvc
			.perform(post("/tickets/{id}/calls", this.ticket.id()).param("callerNumber", "")
				.param("direction", "inbound")
				.param("lang", "zh-CN")
				.header("HX-Request", "true")
				.header("Accept-Language", "zh-CN")
				.with(csrf())
				.with(this.console.as(this.agent.id())))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(panel).contains("记录通话").contains("请填写此项。");
	}

	@Test
	void anAgentWhoMayNotSeeTheTicketGetsNoPanel() throws Exception {
		AgentView outsider = this.agents.create(Role.AGENT, this.agents.group("outsiders"));
		this.mvc.perform(get("/tickets/{id}/calls", this.ticket.id()).with(this.console.as(outsider.id())))
			.andExpect(status().isForbidden());
	}

}
