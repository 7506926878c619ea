package io.walletdesk.identity.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class AdminPagesIntegrationTests {

	private static final Pattern ISSUED = Pattern.compile("id=\"issued-token\"[^>]*>(wd_[A-Za-z0-9_-]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	AgentManagement management;

	@Autowired
	SignIn signIn;

	@Test
	void adminPagesAreForbiddenForEveryoneButAdmins() throws Exception {
		for (Role role : new Role[] { Role.AGENT, Role.TECH, Role.SUPERVISOR }) {
			AgentView agent = this.agents.create(role);
			for (String page : new String[] { "/admin/agents", "/admin/groups", "/admin/tokens" }) {
				this.mvc.perform(get(page).with(this.console.as(agent.id()))).andExpect(status().isForbidden());
			}
			this.mvc
				.perform(post("/admin/groups").param("name", "sneaky-" + UUID.randomUUID())
					.with(csrf())
					.with(this.console.as(agent.id())))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/tokens").param("agentId", agent.id().toString())
					.param("name", "escalate")
					.with(csrf())
					.with(this.console.as(agent.id())))
				.andExpect(status().isForbidden());
			String inbox = html(get("/"), agent);
			assertThat(inbox).as("no admin link for " + role).doesNotContain("href=\"/admin/agents\"");
		}
		assertThat(this.management.tokens()).noneMatch(token -> token.name().equals("escalate"));
		assertThat(this.management.groups()).noneMatch(group -> group.name().startsWith("sneaky-"));
	}

	@Test
	void adminCreatesAnAgentWhoCanThenSignIn() throws Exception {
		AgentView admin = this.agents.create(Role.ADMIN);
		UUID group = this.agents.group("created");
		String username = "mei-" + UUID.randomUUID().toString().substring(0, 6);

		this.mvc
			.perform(post("/admin/agents").param("username", username)
				.param("displayName", "Mei Lin")
				.param("email", username + "@example.test")
				.param("password", "a long enough password")
				.param("roles", "AGENT", "TECH")
				.param("languages", "zh-CN, en")
				.param("skills", "defi, hardware_wallet")
				.param("groupIds", group.toString())
				.param("timeZone", "Asia/Shanghai")
				.with(csrf())
				.with(this.console.as(admin.id())))
			.andExpect(redirectedUrl("/admin/agents"))
			.andExpect(flash().attribute("notice", "created"));

		AgentView created = this.management.findByUsername(username).orElseThrow();
		assertThat(created.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.TECH);
		assertThat(created.languages()).containsExactly("zh-CN", "en");
		assertThat(created.groupIds()).containsExactly(group);
		assertThat(created.timeZone()).isEqualTo("Asia/Shanghai");
		assertThat(html(get("/admin/agents"), admin)).contains("Mei Lin").contains(username);
		assertThat(this.signIn.loadUserByUsername(username).isEnabled()).isTrue();
	}

	@Test
	void invalidAgentIsNotCreatedAndTheFormSaysWhy() throws Exception {
		AgentView admin = this.agents.create(Role.ADMIN);
		String page = this.mvc
			.perform(post("/admin/agents").param("username", admin.username())
				.param("displayName", "Duplicate")
				.param("password", "short")
				.param("roles", "AGENT")
				.param("timeZone", "UTC")
				.with(csrf())
				.with(this.console.as(admin.id())))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Please correct the marked fields.")
			.contains("aria-invalid=\"true\"")
			.contains("<p class=\"field-error\">")
			.contains("value=\"Duplicate\"");
		assertThat(this.management.all()).noneMatch(agent -> agent.displayName().equals("Duplicate"));
	}

	@Test
	void adminUnlocksALockedAgentAndSwitchesAccountsOff() throws Exception {
		AgentView admin = this.agents.create(Role.ADMIN);
		AgentView agent = this.agents.create(Role.AGENT);
		for (int i = 0; i < 5; i++) {
			this.signIn.recordFailure(agent.username());
		}
		assertThat(this.management.find(agent.id()).orElseThrow().lockedUntil()).isNotNull();
		assertThat(html(get("/admin/agents"), admin)).contains("Locked");

		this.mvc.perform(post("/admin/agents/{id}/unlock", agent.id()).with(csrf()).with(this.console.as(admin.id())))
			.andExpect(redirectedUrl("/admin/agents"));
		assertThat(this.management.find(agent.id()).orElseThrow().lockedUntil()).isNull();

		this.mvc
			.perform(post("/admin/agents/{id}/active", agent.id()).param("active", "false")
				.with(csrf())
				.with(this.console.as(admin.id())))
			.andExpect(redirectedUrl("/admin/agents"));
		assertThat(this.management.find(agent.id()).orElseThrow().enabled()).isFalse();

		this.mvc
			.perform(post("/admin/agents/{id}/active", admin.id()).param("active", "false")
				.with(csrf())
				.with(this.console.as(admin.id())))
			.andExpect(flash().attribute("notice", "self"));
		assertThat(this.management.find(admin.id()).orElseThrow().enabled()).isTrue();
	}

	@Test
	void adminCreatesAGroup() throws Exception {
		AgentView admin = this.agents.create(Role.ADMIN);
		String name = "Hardware wallets " + UUID.randomUUID().toString().substring(0, 6);
		this.mvc
			.perform(post("/admin/groups").param("name", name)
				.param("description", "Ledger and Trezor questions")
				.with(csrf())
				.with(this.console.as(admin.id())))
			.andExpect(redirectedUrl("/admin/groups"));
		assertThat(this.management.groupByName(name)).isPresent();
		assertThat(html(get("/admin/groups"), admin)).contains(name).contains("Ledger and Trezor questions");
	}

	@Test
	void issuedTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() throws Exception {
		AgentView admin = this.agents.create(Role.ADMIN);
		AgentView bot = this.agents.create(Role.AGENT);
		String answer = html(post("/admin/tokens").param("agentId", bot.id().toString())
			.param("name", "Telegram bridge")
			.with(csrf()), admin);
		Matcher issued = ISSUED.matcher(answer);
		assertThat(issued.find()).as("token value on the page").isTrue();
		String value = issued.group(1);
		assertThat(answer).contains("it is shown only once");

		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + value))
			.andExpect(status().isOk());
		String list = html(get("/admin/tokens"), admin);
		assertThat(list).contains("Telegram bridge").contains(value.substring(0, 10)).doesNotContain(value);

		UUID tokenId = this.management.tokensOf(bot.id()).get(0).id();
		this.mvc.perform(post("/admin/tokens/{id}/revoke", tokenId).with(csrf()).with(this.console.as(admin.id())))
			.andExpect(redirectedUrl("/admin/tokens"));
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + value))
			.andExpect(status().isUnauthorized());
		assertThat(html(get("/admin/tokens"), admin)).contains("Revoked");
	}

	@Test
	void agentSetsUpAndSwitchesOffTheAuthenticatorOnTheProfile() throws Exception {
		AgentView agent = this.agents.create(Role.AGENT);
		MockHttpSession session = new MockHttpSession();
		assertThat(html(get("/profile"), agent)).contains(agent.username()).contains("Set up authenticator");

		String setup = html(get("/profile/two-factor").session(session), agent);
		String secret = ConsoleTestSupport.secretOnPage(setup);
		String done = html(post("/profile/two-factor").param("code", ConsoleTestSupport.code(secret))
			.session(session)
			.with(csrf()), agent);
		assertThat(done).contains("Two-step verification is on.").contains("These codes are shown only once.");
		assertThat(this.management.find(agent.id()).orElseThrow().twoFactorEnabled()).isTrue();
		assertThat(html(get("/profile"), agent)).contains("Turn off");

		this.mvc
			.perform(post("/profile/two-factor/disable").param("code", "000000")
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.management.find(agent.id()).orElseThrow().twoFactorEnabled()).isTrue();

		this.mvc
			.perform(post("/profile/two-factor/disable").param("code", ConsoleTestSupport.code(secret))
				.with(csrf())
				.with(this.console.as(agent.id())))
			.andExpect(redirectedUrl("/profile"));
		assertThat(this.management.find(agent.id()).orElseThrow().twoFactorEnabled()).isFalse();
	}

	@Test
	void supervisorCannotSwitchOffTheAuthenticator() throws Exception {
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		String secret = this.signIn.startEnrolment(supervisor.id()).secret();
		this.signIn.completeEnrolment(supervisor.id(), secret, ConsoleTestSupport.code(secret)).orElseThrow();

		String profile = html(get("/profile"), supervisor);
		assertThat(profile).contains("Supervisors and admins must keep two-step verification on.")
			.doesNotContain("Turn off");
		this.mvc
			.perform(post("/profile/two-factor/disable").param("code", ConsoleTestSupport.code(secret))
				.with(csrf())
				.with(this.console.as(supervisor.id())))
			.andExpect(status().isConflict());
		assertThat(this.management.find(supervisor.id()).orElseThrow().twoFactorEnabled()).isTrue();
	}

	private String html(MockHttpServletRequestBuilder request, AgentView agent) throws Exception {
		return this.mvc.perform(request.with(this.console.as(agent.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
