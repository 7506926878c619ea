package io.walletdesk.ticket;

import java.util.Base64;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class TicketsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents testAgents;

	@Autowired
	AgentManagement agents;

	@Autowired
	JdbcClient jdbc;

	String token;

	AgentView agent;

	@BeforeEach
	void signIn() {
		this.agent = this.testAgents.create(Role.AGENT);
		this.token = this.testAgents.tokenFor(this.agent.id());
	}

	private ResultActions open(String json) throws Exception {
		return this.mvc.perform(post("/api/v1/tickets").header("Authorization", this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private String openTicket(String email, String extra) throws Exception {
		String body = open("""
				{"requester":{"name":"Wang Fang","email":"%s"},"subject":"USDT not arrived","body":"转账一直pending"%s}"""
			.formatted(email, extra)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private static String email() {
		return "user-" + UUID.randomUUID() + "@example.test";
	}

	@Test
	void opensATicketWithItsFirstMessageAndANumber() throws Exception {
		String body = open(
				"""
						{"requester":{"name":"Wang Fang","email":"%s"},"subject":"USDT not arrived","body":"转账一直pending","channel":"api"}"""
					.formatted(email()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("/api/v1/tickets/[0-9a-f-]{36}")))
			.andExpect(jsonPath("$.number").value(matchesPattern("WD-\\d{6,}")))
			.andExpect(jsonPath("$.number").value(not("WD-000000")))
			.andExpect(jsonPath("$.status").value("new"))
			.andExpect(jsonPath("$.priority").value("normal"))
			.andExpect(jsonPath("$.channel").value("api"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		String number = JsonPath.read(body, "$.number");
		String next = JsonPath.read(open("""
				{"requester":{"email":"%s"},"body":"second"}""".formatted(email())).andReturn()
			.getResponse()
			.getContentAsString(), "$.number");
		assertThat(Long.parseLong(next.substring(3))).isGreaterThan(Long.parseLong(number.substring(3)));
		this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ticket.number").value(number))
			.andExpect(jsonPath("$.ticket.subject").value("USDT not arrived"))
			.andExpect(jsonPath("$.messages", hasSize(1)))
			.andExpect(jsonPath("$.messages[0].authorKind").value("customer"))
			.andExpect(jsonPath("$.messages[0].body").value("转账一直pending"))
			.andExpect(jsonPath("$.history[0].field").value("status"))
			.andExpect(jsonPath("$.history[0].newValue").value("new"));
	}

	@Test
	void sameCustomerEmailMeansSameRequester() throws Exception {
		String email = email();
		String first = openTicket(email, "");
		String second = openTicket(email.toUpperCase(), "");
		String firstRequester = JsonPath
			.read(this.mvc.perform(get("/api/v1/tickets/" + first).header("Authorization", this.token))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.ticket.requesterId");
		this.mvc.perform(get("/api/v1/tickets/" + second).header("Authorization", this.token))
			.andExpect(jsonPath("$.ticket.requesterId").value(firstRequester));
	}

	@Test
	void aRetriedMessageWithTheSameExternalIdIsStoredOnce() throws Exception {
		String externalId = "msg-" + UUID.randomUUID();
		String first = openTicket(email(), ",\"externalId\":\"" + externalId + "\"");
		String second = openTicket(email(), ",\"externalId\":\"" + externalId + "\"");
		assertThat(second).isEqualTo(first);
		assertThat(this.jdbc.sql("select count(*) from ticket_message where external_id = ?")
			.param(externalId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void invalidInputIsAProblemDetailListingTheFields() throws Exception {
		open("""
				{"subject":"no requester","body":"hi"}""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[*].field", hasItem("requester")));
		open("""
				{"requester":{"email":"not-an-email"},"body":"hi"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("requester.email")));
		open("""
				{"requester":{"email":"%s"},"body":"hi","priority":"super-urgent"}""".formatted(email()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("priority"));
		open("""
				{"requester":{"email":"%s"},"body":"   "}""".formatted(email())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		open("{\"requester\": {").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Malformed request body"));
	}

	@Test
	void missingOrUnknownTokensAreUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/tickets"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/tickets").header("Authorization", "Bearer wd_nonsense"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnce() throws Exception {
		var issued = this.agents.issueToken(this.agent.id(), "short-lived");
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.value()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(this.agent.username()));
		String admin = this.testAgents.token(Role.ADMIN);
		this.mvc.perform(delete("/api/v1/admin/tokens/" + issued.token().id()).header("Authorization", admin))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.value()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void overlongBodiesAndAttachmentsAreTooLarge() throws Exception {
		String huge = "a".repeat(65537);
		open("""
				{"requester":{"email":"%s"},"body":"%s"}""".formatted(email(), huge))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		String bigFile = Base64.getEncoder().encodeToString(new byte[10 * 1024 * 1024 + 1]);
		open("""
				{"requester":{"email":"%s"},"body":"see screenshot","attachments":[{"fileName":"a.png","contentType":"image/png","contentBase64":"%s"}]}"""
			.formatted(email(), bigFile)).andExpect(status().isPayloadTooLarge());
		open("""
				{"requester":{"email":"%s"},"body":"see file","attachments":[{"fileName":"a.exe","contentType":"application/x-msdownload","contentBase64":"AAAA"}]}"""
			.formatted(email())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("attachments[0].contentType"));
	}

	@Test
	void aRejectedTicketLeavesNoCustomerBehind() throws Exception {
		String email = email();
		open("""
				{"requester":{"email":"%s"},"body":"hello","assigneeId":"%s"}""".formatted(email, UUID.randomUUID()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
		assertThat(this.jdbc.sql("select count(*) from customer_identity where value = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void attachmentsAreKeptAndDownloadable() throws Exception {
		String content = Base64.getEncoder().encodeToString("tx log".getBytes());
		String body = open(
				"""
						{"requester":{"email":"%s"},"body":"log attached","attachments":[{"fileName":"log.txt","contentType":"text/plain","contentBase64":"%s"}]}"""
					.formatted(email(), content))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		String details = this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", this.token))
			.andExpect(jsonPath("$.messages[0].attachments[0].fileName").value("log.txt"))
			.andExpect(jsonPath("$.messages[0].attachments[0].size").value(6))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String attachmentId = JsonPath.read(details, "$.messages[0].attachments[0].id");
		this.mvc
			.perform(get("/api/v1/tickets/" + id + "/attachments/" + attachmentId).header("Authorization", this.token))
			.andExpect(status().isOk())
			.andExpect(content().bytes("tx log".getBytes()));
	}

	@Test
	void unknownTicketsAreNotFound() throws Exception {
		this.mvc.perform(get("/api/v1/tickets/" + UUID.randomUUID()).header("Authorization", this.token))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/tickets/not-a-uuid").header("Authorization", this.token))
			.andExpect(status().isBadRequest());
	}

	@Test
	void repliesAndNotesUpdateTheTicket() throws Exception {
		String id = openTicket(email(), "");
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/messages").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"body":"Checked the chain: 12 confirmations so far.","visibility":"internal"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.visibility").value("internal"));
		this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", this.token))
			.andExpect(jsonPath("$.ticket.firstResponseAt").doesNotExist())
			.andExpect(jsonPath("$.ticket.status").value("new"));
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/messages").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"body":"您的转账已确认，请刷新余额。","status":"pending"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.authorKind").value("agent"))
			.andExpect(jsonPath("$.visibility").value("public"));
		this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", this.token))
			.andExpect(jsonPath("$.ticket.firstResponseAt").exists())
			.andExpect(jsonPath("$.ticket.status").value("pending"))
			.andExpect(jsonPath("$.messages", hasSize(3)));
	}

	@Test
	void changesAreGuardedAndRecorded() throws Exception {
		// Opened at low priority by the agent, so triage (which never overrides an agent)
		// cannot raise it before the change below.
		String id = openTicket(email(), ",\"priority\":\"low\"");
		this.mvc.perform(patch("/api/v1/tickets/" + id).header("Authorization", this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"priority":"urgent","category":"security_incident","assigneeId":"%s","tags":["Drained","usdt"]}"""
				.formatted(this.agent.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.priority").value("urgent"))
			.andExpect(jsonPath("$.category").value("security_incident"))
			.andExpect(jsonPath("$.assigneeId").value(this.agent.id().toString()))
			.andExpect(jsonPath("$.tags", contains("drained", "usdt")));
		this.mvc
			.perform(patch("/api/v1/tickets/" + id).header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"closed\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("A ticket cannot move from new to closed"));
		this.mvc
			.perform(patch("/api/v1/tickets/" + id).header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"solved\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(patch("/api/v1/tickets/" + id).header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"closed\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.closedAt").exists());
		this.mvc
			.perform(patch("/api/v1/tickets/" + id).header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"open\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(patch("/api/v1/tickets/" + id).header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"number\":\"WD-1\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("number"));
		this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", this.token))
			.andExpect(jsonPath("$.history[*].field", hasItem("priority")))
			.andExpect(jsonPath("$.history[*].field", hasItem("assignee")))
			.andExpect(jsonPath("$.history[?(@.field == 'status')].newValue", contains("new", "solved", "closed")))
			.andExpect(
					jsonPath("$.history[?(@.field == 'priority')].actorName").value(hasItem(this.agent.displayName())));
	}

	@Test
	void listsFilterAndPageWithACursor() throws Exception {
		String tag = "batch-" + UUID.randomUUID().toString().substring(0, 8);
		String first = openTicket(email(), ",\"tags\":[\"" + tag + "\"],\"priority\":\"high\"");
		String second = openTicket(email(), ",\"tags\":[\"" + tag + "\"]");
		String third = openTicket(email(), ",\"tags\":[\"" + tag + "\"],\"priority\":\"high\"");
		String page1 = this.mvc
			.perform(get("/api/v1/tickets").param("tag", tag).param("limit", "2").header("Authorization", this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", contains(third, second)))
			.andExpect(jsonPath("$.nextCursor").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String cursor = JsonPath.read(page1, "$.nextCursor");
		this.mvc
			.perform(get("/api/v1/tickets").param("tag", tag)
				.param("limit", "2")
				.param("cursor", cursor)
				.header("Authorization", this.token))
			.andExpect(jsonPath("$.items[*].id", contains(first)))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
		this.mvc.perform(
				get("/api/v1/tickets").param("tag", tag).param("priority", "high").header("Authorization", this.token))
			.andExpect(jsonPath("$.items[*].id", contains(third, first)));
		this.mvc
			.perform(get("/api/v1/tickets").param("tag", tag).param("q", "PENDING").header("Authorization", this.token))
			.andExpect(jsonPath("$.items", hasSize(3)));
		this.mvc.perform(
				get("/api/v1/tickets").param("tag", tag).param("status", "open").header("Authorization", this.token))
			.andExpect(jsonPath("$.items", hasSize(0)));
		this.mvc
			.perform(get("/api/v1/tickets").param("tag", tag)
				.param("createdFrom", "2999-01-01T00:00:00Z")
				.header("Authorization", this.token))
			.andExpect(jsonPath("$.items", hasSize(0)));
		this.mvc.perform(get("/api/v1/tickets").param("cursor", "garbage").header("Authorization", this.token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
		this.mvc.perform(get("/api/v1/tickets").param("status", "sleeping").header("Authorization", this.token))
			.andExpect(status().isBadRequest());
	}

	@Test
	void agentsOutsideATicketsGroupGetForbiddenAndNeverData() throws Exception {
		UUID security = this.testAgents.group("security");
		String supervisor = this.testAgents.token(Role.SUPERVISOR);
		String body = this.mvc
			.perform(post("/api/v1/tickets").header("Authorization", supervisor)
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"requester":{"email":"%s"},"subject":"drained","body":"secret case","groupId":"%s","tags":["%s"]}"""
							.formatted(email(), security, security)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		String outsider = this.token;
		this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", outsider))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("secret case"))));
		this.mvc
			.perform(patch("/api/v1/tickets/" + id).header("Authorization", outsider)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"priority\":\"low\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/messages").header("Authorization", outsider)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"hi\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/tickets").param("tag", security.toString()).header("Authorization", outsider))
			.andExpect(jsonPath("$.items", hasSize(0)));
		String member = this.testAgents.token(Role.AGENT, security);
		this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", member)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/tickets").param("tag", security.toString()).header("Authorization", member))
			.andExpect(jsonPath("$.items", hasSize(1)));
	}

	@Test
	void adminEndpointsNeedTheAdminRole() throws Exception {
		this.mvc.perform(get("/api/v1/admin/agents").header("Authorization", this.token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/admin/agents").header("Authorization", this.testAgents.token(Role.SUPERVISOR)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/admin/agents").header("Authorization", this.testAgents.token(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username", hasItem(this.agent.username())))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("passwordHash"))));
	}

	@Test
	void sessionCallsToTheApiNeedCsrf() throws Exception {
		this.mvc
			.perform(post("/api/v1/tickets")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.agents.findByUsername(this.agent.username()).map(a -> a.username()).orElseThrow())
					.roles("AGENT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
	}

}
