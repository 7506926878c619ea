package io.walletdesk.channel.phone;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.safety.Phrases;
import io.walletdesk.safety.internal.Bip39;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The call log API as an agent or an integration uses it: calls land in the caller's
 * conversation as internal notes, with the structured fields kept beside them.
 */
@WalletDeskIntegrationTest
class CallLogIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	final Random random = new Random();

	AgentView agent;

	String token;

	InboxView inbox;

	@BeforeEach
	void setUp() {
		this.agent = this.agents.create(Role.AGENT);
		this.token = this.agents.tokenFor(this.agent.id());
		this.inbox = this.inboxes.create("phone", "Hotline " + UUID.randomUUID(), Map.of("defaultCountryCode", "86"),
				null);
	}

	/** A fresh Chinese mobile number, as digits after +86. */
	private String mobile() {
		return "139" + String.format("%08d", this.random.nextInt(100_000_000));
	}

	private ResultActions log(String json) throws Exception {
		return this.mvc.perform(post("/api/v1/calls").header("Authorization", this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private String call(String number, String extra) {
		return """
				{"inboxId": "%s", "callerNumber": "%s", "callerName": "Wang Fang", "direction": "inbound",
				 "durationSeconds": 205%s}""".formatted(this.inbox.id(), number, extra);
	}

	@Test
	void aFirstCallOpensAPhoneTicketWithTheCallAsTheAgentsInternalNote() throws Exception {
		String digits = mobile();
		String body = log(
				call("+86 " + digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7),
						", \"notes\": \"Asked about a delayed USDT withdrawal\","
								+ " \"recordingUrl\": \"https://pbx.example.com/rec/1.mp3\""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.callerNumber").value("+86" + digits))
			.andExpect(jsonPath("$.direction").value("inbound"))
			.andExpect(jsonPath("$.durationSeconds").value(205))
			.andReturn()
			.getResponse()
			.getContentAsString();

		UUID ticketId = UUID.fromString(JsonPath.read(body, "$.ticketId"));
		UUID customerId = UUID.fromString(JsonPath.read(body, "$.customerId"));
		assertThat(this.customers.findByIdentity(IdentityKind.PHONE, "+86" + digits)).hasValue(customerId);
		TicketView.Details details = this.tickets.details(ticketId);
		assertThat(details.ticket().channel().id()).isEqualTo("phone");
		assertThat(details.ticket().subject()).isEqualTo("Call from +86" + digits);
		assertThat(details.ticket().number()).isEqualTo(JsonPath.read(body, "$.ticketNumber"));
		TicketView.MessageView note = details.messages().get(details.messages().size() - 1);
		assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
		assertThat(note.authorKind()).isEqualTo(AuthorKind.AGENT);
		assertThat(note.authorId()).isEqualTo(this.agent.id());
		assertThat(note.body()).contains("Phone call (inbound) from +86" + digits + " (Wang Fang)")
			.contains("Duration: 3 min 25 s")
			.contains("Recording: https://pbx.example.com/rec/1.mp3")
			.contains("Asked about a delayed USDT withdrawal");
		assertThat(details.messages())
			.noneMatch(m -> m.authorKind() == AuthorKind.AGENT && m.visibility() == Visibility.PUBLIC);
	}

	@Test
	void furtherCallsContinueTheOpenConversationAndAClosedOneIsNotReopened() throws Exception {
		String digits = mobile();
		String first = log(call("+86" + digits, "")).andReturn().getResponse().getContentAsString();
		// the same caller, written nationally: the inbox's country code applies
		String second = log(call(digits.substring(0, 3) + " " + digits.substring(3), ""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID ticketId = UUID.fromString(JsonPath.read(first, "$.ticketId"));
		assertThat(UUID.fromString(JsonPath.read(second, "$.ticketId"))).isEqualTo(ticketId);
		assertThat((String) JsonPath.read(second, "$.customerId")).isEqualTo(JsonPath.read(first, "$.customerId"));

		Actor actor = Actor.agent(this.agent.id(), this.agent.displayName());
		this.tickets.change(ticketId, ChangeTicket.status(TicketStatus.SOLVED), actor);
		this.tickets.change(ticketId, ChangeTicket.status(TicketStatus.CLOSED), actor);
		String third = log(call("+86" + digits, "")).andReturn().getResponse().getContentAsString();
		assertThat(UUID.fromString(JsonPath.read(third, "$.ticketId"))).isNotEqualTo(ticketId);

		this.mvc
			.perform(get("/api/v1/calls").param("customerId", (String) JsonPath.read(first, "$.customerId"))
				.header("Authorization", this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3));
	}

	@Test
	void aCallCanBeLoggedIntoANamedTicket() throws Exception {
		String digits = mobile();
		String first = log(call("+86" + digits, "")).andReturn().getResponse().getContentAsString();
		String ticketId = JsonPath.read(first, "$.ticketId");
		String other = log(call("+86" + mobile(), ", \"ticketId\": \"" + ticketId + "\", \"direction\": \"outbound\""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ticketId").value(ticketId))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(other, "$.customerId")).isNotEqualTo(JsonPath.read(first, "$.customerId"));
		this.mvc.perform(get("/api/v1/calls").param("ticketId", ticketId).header("Authorization", this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].direction").value("outbound"));
	}

	@Test
	void everyProblemOfACallIsNamedAndNothingIsStored() throws Exception {
		long before = this.jdbc.sql("select count(*) from channel_phone_call").query(Long.class).single();
		String body = log("""
				{"callerNumber": "call me maybe", "direction": "sideways", "durationSeconds": -1,
				 "recordingUrl": "http://pbx.example.com/rec/1.mp3", "ticketId": "%s"}""".formatted(UUID.randomUUID()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> fields = JsonPath.read(body, "$.errors[*].field");
		assertThat(fields).containsExactlyInAnyOrder("callerNumber", "direction", "durationSeconds", "recordingUrl",
				"ticketId");
		log("{\"direction\": \"inbound\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'callerNumber')].message").value("must not be blank"))
			.andExpect(jsonPath("$.errors[?(@.field == 'durationSeconds')].message").value("must not be blank"));
		log(call("+86" + mobile(), "").replace(this.inbox.id().toString(), UUID.randomUUID().toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inboxId"));
		assertThat(this.jdbc.sql("select count(*) from channel_phone_call").query(Long.class).single())
			.isEqualTo(before);
		this.mvc.perform(get("/api/v1/calls").header("Authorization", this.token)).andExpect(status().isBadRequest());
	}

	@Test
	void secretsInTheNotesAreRedactedInTheNoteAndTheCallRecord() throws Exception {
		String phrase = String.join(" ", Phrases.valid(this.random, 12, Bip39.Wordlist.ENGLISH));
		String body = log(call("+86" + mobile(), ", \"notes\": \"Caller read out his seed: " + phrase + "\""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(phrase).contains("[redacted");
		UUID ticketId = UUID.fromString(JsonPath.read(body, "$.ticketId"));
		assertThat(this.tickets.details(ticketId).messages())
			.allSatisfy(message -> assertThat(message.body()).doesNotContain(phrase));
		String stored = this.jdbc.sql("select notes from channel_phone_call where ticket_id = ?")
			.param(ticketId)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(phrase).contains("[redacted");
	}

	@Test
	void callsOfTicketsTheAgentMayNotSeeAreNotListed() throws Exception {
		UUID group = this.agents.group("hotline");
		InboxView grouped = this.inboxes.create("phone", "Group hotline " + UUID.randomUUID(), Map.of(), group);
		String body = log(call("+86" + mobile(), "").replace(this.inbox.id().toString(), grouped.id().toString()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String outsider = this.agents.token(Role.AGENT, this.agents.group("outsiders"));
		this.mvc
			.perform(get("/api/v1/calls").param("customerId", (String) JsonPath.read(body, "$.customerId"))
				.header("Authorization", outsider))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc
			.perform(get("/api/v1/calls").param("ticketId", (String) JsonPath.read(body, "$.ticketId"))
				.header("Authorization", outsider))
			.andExpect(status().isForbidden());
	}

}
