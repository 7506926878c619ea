package io.walletdesk.customer;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class CustomersApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents testAgents;

	String token;

	@BeforeEach
	void signIn() {
		this.token = this.testAgents.token(Role.AGENT);
	}

	private String create(String json) throws Exception {
		return JsonPath
			.read(this.mvc
				.perform(post("/api/v1/customers").header("Authorization", this.token)
					.contentType(MediaType.APPLICATION_JSON)
					.content(json))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
	}

	@Test
	void createsReadsUpdatesAndSearchesCustomers() throws Exception {
		String handle = UUID.randomUUID().toString();
		String id = create("""
				{"displayName":"刘洋","preferredLanguage":"zh","timeZone":"Asia/Shanghai",
				 "identities":[{"kind":"email","value":"Liu.%s@Example.cn"},{"kind":"telegram","value":"tg-%s"}]}"""
			.formatted(handle, handle));
		this.mvc.perform(get("/api/v1/customers/" + id).header("Authorization", this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("刘洋"))
			.andExpect(jsonPath("$.identities[*].value",
					containsInAnyOrder("liu." + handle + "@example.cn", "tg-" + handle)));
		this.mvc
			.perform(patch("/api/v1/customers/" + id).header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"tier":"vip","addIdentities":[{"kind":"wechat","value":"wx-%s"}]}""".formatted(handle)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tier").value("vip"))
			.andExpect(jsonPath("$.identities", hasSize(3)));
		this.mvc.perform(get("/api/v1/customers").param("q", "wx-" + handle).header("Authorization", this.token))
			.andExpect(jsonPath("$.items[*].id", hasItem(id)));
	}

	@Autowired
	CustomerManagement customers;

	@Test
	void concurrentFirstContactsOfOneNewPersonEndInOneCustomer() throws Exception {
		String email = "race-" + UUID.randomUUID() + "@example.test";
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			java.util.List<java.util.concurrent.Future<UUID>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				results.add(pool.submit(() -> this.customers.identify(IdentityKind.EMAIL, email, "Racer", "en")));
			}
			java.util.Set<UUID> ids = new java.util.HashSet<>();
			for (java.util.concurrent.Future<UUID> result : results) {
				ids.add(result.get());
			}
			org.assertj.core.api.Assertions.assertThat(ids).hasSize(1);
			org.assertj.core.api.Assertions.assertThat(this.customers.get(ids.iterator().next()).email())
				.isEqualTo(email);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void refusesAnIdentityThatBelongsToSomeoneElse() throws Exception {
		String email = UUID.randomUUID() + "@example.test";
		create("{\"identities\":[{\"kind\":\"email\",\"value\":\"" + email + "\"}]}");
		this.mvc
			.perform(post("/api/v1/customers").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"identities\":[{\"kind\":\"email\",\"value\":\"" + email + "\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("identities[0]"));
		this.mvc
			.perform(post("/api/v1/customers").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"identities\":[{\"kind\":\"carrier-pigeon\",\"value\":\"x\"}]}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/customers").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"displayName\":\"x\",\"timeZone\":\"Mars/Olympus\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"));
	}

	@Test
	void mergingMovesIdentitiesAndTicketsToTheSurvivor() throws Exception {
		String emailA = UUID.randomUUID() + "@example.test";
		String emailB = UUID.randomUUID() + "@example.test";
		String survivor = create(
				"{\"displayName\":\"Anna\",\"identities\":[{\"kind\":\"email\",\"value\":\"" + emailA + "\"}]}");
		String ticketBody = this.mvc
			.perform(post("/api/v1/tickets").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"requester\":{\"email\":\"" + emailB + "\"},\"body\":\"from my other address\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String ticketId = JsonPath.read(ticketBody, "$.id");
		String merged = JsonPath.read(ticketBody, "$.requesterId");
		this.mvc
			.perform(post("/api/v1/customers/" + survivor + "/merge").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergeId\":\"" + merged + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.identities[*].value", containsInAnyOrder(emailA, emailB)));
		this.mvc.perform(get("/api/v1/tickets/" + ticketId).header("Authorization", this.token))
			.andExpect(jsonPath("$.ticket.requesterId").value(survivor))
			.andExpect(jsonPath("$.history[?(@.field == 'requester')].newValue", hasItem(survivor)));
		this.mvc.perform(get("/api/v1/customers/" + merged).header("Authorization", this.token))
			.andExpect(jsonPath("$.id").value(survivor));
		this.mvc
			.perform(post("/api/v1/customers/" + survivor + "/merge").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergeId\":\"" + merged + "\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/v1/customers/" + survivor + "/merge").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergeId\":\"" + survivor + "\"}"))
			.andExpect(status().isConflict());
	}

}
