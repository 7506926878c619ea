package io.walletdesk.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;
import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class TriageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents testAgents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TriageManagement triage;

	@Autowired
	ConsoleTestSupport console;

	String token;

	AgentView agent;

	@BeforeEach
	void signIn() {
		this.agent = this.testAgents.create(Role.AGENT);
		this.token = this.testAgents.tokenFor(this.agent.id());
	}

	private String openTicket(String body) throws Exception {
		return openTicket(body, "");
	}

	/**
	 * @param extra more JSON fields of the request, each after a comma
	 */
	private String openTicket(String body, String extra) throws Exception {
		String json = """
				{"requester":{"name":"Li Lei","email":"%s"},"body":%s,"channel":"api"%s}"""
			.formatted("user-" + UUID.randomUUID() + "@example.test", quote(body), extra);
		String response = this.mvc
			.perform(post("/api/v1/tickets").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(response, "$.id");
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private String ticketJson(String id) throws Exception {
		return this.mvc.perform(get("/api/v1/tickets/" + id).header("Authorization", this.token))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> until) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		T current = value.get();
		while (!until.test(current) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			current = value.get();
		}
		return current;
	}

	@Test
	void aDrainedWalletJumpsToUrgentSecurityIncidentWithItsEntities() throws Exception {
		String id = openTicket(
				"HELP!! my wallet is being drained right now, 2,300 USDT went to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t on TRC20");
		String json = await(() -> {
			try {
				return ticketJson(id);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, j -> "urgent".equals(JsonPath.read(j, "$.ticket.priority")));
		assertThat((String) JsonPath.read(json, "$.ticket.priority")).isEqualTo("urgent");
		assertThat((String) JsonPath.read(json, "$.ticket.category")).isEqualTo("security_incident");
		assertThat((String) JsonPath.read(json, "$.ticket.language")).isEqualTo("en");
		assertThat((String) JsonPath.read(json, "$.ticket.sentiment")).isNotNull();
		this.mvc.perform(get("/api/v1/tickets/" + id + "/triage").header("Authorization", this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result.category").value("security_incident"))
			.andExpect(jsonPath("$.result.entities.addresses[0].value").value("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"))
			.andExpect(jsonPath("$.result.entities.addresses[0].chain").value("tron"))
			.andExpect(jsonPath("$.result.entities.addresses[0].valid").value(true))
			.andExpect(jsonPath("$.result.entities.amounts[0].unit").value("USDT"))
			.andExpect(jsonPath("$.result.entities.tokens", hasItem("USDT")));
	}

	@Test
	void theTicketKeepsWhatAnAgentSet() throws Exception {
		// The agent opens the ticket with category and priority, so triage always comes
		// after the agent's decision and finds a drained wallet it would make urgent.
		String id = openTicket("HELP my wallet is being drained right now, all my USDT is gone",
				",\"category\":\"dapp\",\"priority\":\"low\"");
		TriageManagement.TicketTriage triaged = await(() -> this.triage.latest(UUID.fromString(id)), r -> r.isPresent())
			.orElseThrow();
		assertThat(triaged.result().priority()).isEqualTo("urgent");
		assertThat(triaged.result().category()).isEqualTo("security_incident");
		String ticket = ticketJson(id);
		assertThat((String) JsonPath.read(ticket, "$.ticket.category")).isEqualTo("dapp");
		assertThat((String) JsonPath.read(ticket, "$.ticket.priority")).isEqualTo("low");
		// The fields the agent left alone do take the triage.
		assertThat((String) JsonPath.read(ticket, "$.ticket.language")).isEqualTo("en");
	}

	@Test
	void previewRedactsSecretsAndStoresNothing() throws Exception {
		// Earlier tests' triage runs in the background; count once it is done.
		await(() -> this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single(), pending -> pending == 0);
		long results = this.jdbc.sql("select count(*) from triage_result").query(Long.class).single();
		String mnemonic = "abandon ability able about above absent absorb abstract absurd abuse access accident";
		String response = this.mvc.perform(post("/api/v1/triage").header("Authorization", this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"导入钱包失败，我的助记词是 " + mnemonic
					+ "，转账 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 没到\",\"channel\":\"web_chat\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.priority").value("urgent"))
			.andExpect(jsonPath("$.language").value("zh"))
			.andExpect(jsonPath("$.entities.txHashes[0].chain").value("evm"))
			.andExpect(content().string(not(containsString("abandon"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(response, "$.category")).isNotBlank();
		assertThat(this.jdbc.sql("select count(*) from triage_result").query(Long.class).single()).isEqualTo(results);
	}

	@Test
	void previewRejectsBadInputWithProblemDetails() throws Exception {
		this.mvc
			.perform(post("/api/v1/triage").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post("/api/v1/triage").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"hi\",\"channel\":\"carrier_pigeon\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/triage").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aCorrectionChangesTheTicketAndBecomesATrainingExample() throws Exception {
		String id = openTicket("转账一直pending，已经两个小时了，矿工费给够了");
		await(() -> this.triage.latest(UUID.fromString(id)), r -> r.isPresent());
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/triage/corrections").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"priority\":\"high\",\"sentiment\":\"angry\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.priority").value("high"))
			.andExpect(jsonPath("$.sentiment").value("angry"));
		var row = this.jdbc
			.sql("select text, priority, sentiment, corrected_fields from triage_correction where ticket_id = ?")
			.param(UUID.fromString(id))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.single();
		assertThat(row).containsExactly("转账一直pending，已经两个小时了，矿工费给够了", "high", "angry", "priority,sentiment");
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/triage/corrections").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"category\":\"made_up\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theTicketPageShowsTriageAndTakesACorrectionInOneClick() throws Exception {
		String id = openTicket("我的USDT-TRC20被转走了 2,300 U，收款地址 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t 不是我的");
		await(() -> this.triage.latest(UUID.fromString(id)), r -> r.isPresent());
		String panel = this.mvc.perform(get("/tickets/{id}/triage", id).with(this.console.as(this.agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(panel).contains("data-triage=\"category\"")
			.contains("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
			.contains("data-entity=\"amount\"")
			.contains("data-correct-sentiment=\"calm\"")
			.contains("category F1");
		String corrected = this.mvc
			.perform(post("/tickets/{id}/triage/corrections", id).param("sentiment", "calm")
				.with(csrf())
				.with(this.console.as(this.agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(corrected).contains("the correction is saved");
		assertThat((String) JsonPath.read(ticketJson(id), "$.ticket.sentiment")).isEqualTo("calm");
		assertThat(this.jdbc.sql("select sentiment from triage_correction where ticket_id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("calm");
		this.mvc.perform(get("/triage/model").with(this.console.as(this.agent.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("shipped-")));
	}

	@Test
	void retrainingIsForSupervisorsAndReplacesTheLiveModelOnlyWhenNotWorse() throws Exception {
		this.mvc.perform(post("/api/v1/triage/model/retrain").header("Authorization", this.token))
			.andExpect(status().isForbidden());
		String live = JsonPath.read(this.mvc.perform(get("/api/v1/triage/model").header("Authorization", this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.live.version");
		String id = openTicket("swap failed on pancakeswap, slippage error, lost the gas");
		await(() -> this.triage.latest(UUID.fromString(id)), r -> r.isPresent());
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/triage/corrections").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"category\":\"trading\",\"priority\":\"normal\"}"))
			.andExpect(status().isOk());

		String supervisor = this.testAgents.token(Role.SUPERVISOR);
		this.mvc.perform(post("/api/v1/triage/model/retrain").header("Authorization", supervisor))
			.andExpect(status().isAccepted());
		TriageManagement.ModelStatus status = await(() -> this.triage.status(),
				s -> !s.retraining() && s.recent().stream().anyMatch(m -> m.version().startsWith("retrained-")));
		ModelSummary candidate = status.recent()
			.stream()
			.filter(m -> m.version().startsWith("retrained-"))
			.findFirst()
			.orElseThrow();
		assertThat(candidate.trainingExamples()).isGreaterThan(1000);
		assertThat(candidate.report()).contains("Category macro-F1 by language");
		assertThat(status.live().version()).isEqualTo(candidate.accepted() ? candidate.version() : live);
	}

}
