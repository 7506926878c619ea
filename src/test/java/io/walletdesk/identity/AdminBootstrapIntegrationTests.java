package io.walletdesk.identity;

import io.walletdesk.WalletDeskIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class AdminBootstrapIntegrationTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void firstStartCreatesTheAdminWhoMustUseASecondFactor() {
		AgentView admin = this.agents.findByUsername("admin").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(admin.enabled()).isTrue();
	}

	@Test
	void theAdminTokenFromTheEnvironmentWorksWithExactlyThatValue() throws Exception {
		String value = "wd_automation_" + System.nanoTime();
		MockEnvironment environment = new MockEnvironment().withProperty("WALLETDESK_ADMIN_TOKEN", value);
		AdminBootstrap bootstrap = new AdminBootstrap(this.agents, environment);
		bootstrap.run(null);
		bootstrap.run(null);
		this.mvc.perform(get("/api/v1/admin/agents").header("Authorization", "Bearer " + value))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + value))
			.andExpect(jsonPath("$.username").value("admin"));
		assertThat(this.agents.tokens().stream().filter(t -> t.prefix().equals(value.substring(0, 10)))).hasSize(1);
	}

	@Test
	void withoutDemoDataTheProductStartsEmptyApartFromTheAdmin() {
		assertThat(this.context.getBeanNamesForType(org.springframework.boot.ApplicationRunner.class))
			.noneMatch(name -> name.toLowerCase().contains("demo"));
	}

}
