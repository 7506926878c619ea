package io.walletdesk.identity.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WalletDeskIntegrationTest
class SignInIntegrationTests {

	private static final Pattern RECOVERY_CODE = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	SignIn signIn;

	@Test
	void showsTheSignInFormWithErrorsLockoutAndSignedOutMessages() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in to WalletDesk")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
		assertThat(page("/login?error")).contains("Wrong username or password.");
		assertThat(page("/login?locked")).contains("This account is locked");
		assertThat(page("/login?signedOut")).contains("You have signed out.");
	}

	@Test
	void agentWithoutSecondFactorGoesStraightToTheInbox() throws Exception {
		AgentView agent = this.agents.create(Role.AGENT);
		MockHttpSession session = password(agent.username(), TestAgents.PASSWORD, "/");
		String inbox = this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inbox).contains(agent.displayName()).contains("All open");
	}

	@Test
	void supervisorMustSetUpAnAuthenticatorAndLaterSignsInWithACode() throws Exception {
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		MockHttpSession session = password(supervisor.username(), TestAgents.PASSWORD, "/login/two-factor/enrol");

		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/two-factor/enrol"));
		String enrolPage = this.mvc.perform(get("/login/two-factor/enrol").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(enrolPage).contains("Set up two-step verification").contains("data:image/png;base64,");
		String secret = ConsoleTestSupport.secretOnPage(enrolPage);

		this.mvc.perform(post("/login/two-factor/enrol").param("code", "000000").session(session).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("That code does not match.")));

		String recoveryPage = this.mvc
			.perform(post("/login/two-factor/enrol").param("code", ConsoleTestSupport.code(secret))
				.session(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(recoveryPage).contains("These codes are shown only once.");
		assertThat(recoveryCodes(recoveryPage)).hasSize(10);

		MvcResult finished = this.mvc
			.perform(post("/login/two-factor/enrol").param("finish", "true").session(session).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession signedIn = (MockHttpSession) finished.getRequest().getSession();
		this.mvc.perform(get("/").session(signedIn))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(supervisor.displayName())));

		MockHttpSession later = password(supervisor.username(), TestAgents.PASSWORD, "/login/two-factor");
		assertThat(this.mvc.perform(get("/login/two-factor").session(later))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Enter the 6-digit code from your authenticator app.");
		String before = later.getId();
		MvcResult verified = this.mvc.perform(
				post("/login/two-factor").param("code", ConsoleTestSupport.code(secret)).session(later).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession after = (MockHttpSession) verified.getRequest().getSession();
		assertThat(after.getId()).isNotEqualTo(before);
		this.mvc.perform(get("/").session(after)).andExpect(status().isOk());
	}

	@Test
	void wrongCodeIsRefusedAndTheConsoleStaysClosedUntilTheRightOne() throws Exception {
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		String secret = enrol(supervisor);
		MockHttpSession session = password(supervisor.username(), TestAgents.PASSWORD, "/login/two-factor");

		this.mvc.perform(get("/tickets").session(session)).andExpect(redirectedUrl("/login/two-factor"));
		this.mvc.perform(post("/login/two-factor").param("code", wrong(secret)).session(session).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("That code is not valid.")));
		this.mvc.perform(get("/tickets").session(session)).andExpect(redirectedUrl("/login/two-factor"));

		this.mvc.perform(
				post("/login/two-factor").param("code", ConsoleTestSupport.code(secret)).session(session).with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void returnsToThePageAskedForBeforeSigningIn() throws Exception {
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		String secret = enrol(supervisor);
		MvcResult asked = this.mvc.perform(get("/tickets?view=mine")).andExpect(redirectedUrl("/login")).andReturn();
		MockHttpSession session = (MockHttpSession) asked.getRequest().getSession();
		this.mvc
			.perform(post("/login").param("username", supervisor.username())
				.param("password", TestAgents.PASSWORD)
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/login/two-factor"));
		String target = this.mvc.perform(
				post("/login/two-factor").param("code", ConsoleTestSupport.code(secret)).session(session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(target).startsWith("http://localhost/tickets?view=mine");
	}

	@Test
	void recoveryCodeSignsInOnceOnly() throws Exception {
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		String secret = this.signIn.startEnrolment(supervisor.id()).secret();
		List<String> codes = this.signIn.completeEnrolment(supervisor.id(), secret, ConsoleTestSupport.code(secret))
			.orElseThrow();
		String recovery = codes.get(3);

		MockHttpSession first = password(supervisor.username(), TestAgents.PASSWORD, "/login/two-factor");
		this.mvc.perform(post("/login/two-factor").param("code", recovery).session(first).with(csrf()))
			.andExpect(redirectedUrl("/"));

		MockHttpSession second = password(supervisor.username(), TestAgents.PASSWORD, "/login/two-factor");
		this.mvc.perform(post("/login/two-factor").param("code", recovery).session(second).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("That code is not valid.")));
		this.mvc.perform(post("/login/two-factor").param("code", codes.get(4)).session(second).with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void locksTheAccountAfterFiveWrongPasswords() throws Exception {
		AgentView agent = this.agents.create(Role.AGENT);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/login").param("username", agent.username()).param("password", "wrong").with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(
				post("/login").param("username", agent.username()).param("password", TestAgents.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void wrongSecondFactorCodesLockTheAccountToo() throws Exception {
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		String secret = enrol(supervisor);
		MockHttpSession session = password(supervisor.username(), TestAgents.PASSWORD, "/login/two-factor");
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(post("/login/two-factor").param("code", wrong(secret)).session(session).with(csrf()))
				.andExpect(status().isUnprocessableContent());
		}
		this.mvc.perform(post("/login/two-factor").param("code", wrong(secret)).session(session).with(csrf()))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc
			.perform(post("/login").param("username", supervisor.username())
				.param("password", TestAgents.PASSWORD)
				.with(csrf()))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void signingInAndOutNeedsTheCsrfToken() throws Exception {
		AgentView agent = this.agents.create(Role.AGENT);
		this.mvc.perform(post("/login").param("username", agent.username()).param("password", TestAgents.PASSWORD))
			.andExpect(status().isForbidden());
		MockHttpSession session = password(agent.username(), TestAgents.PASSWORD, "/");
		this.mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
	}

	/** Sets up an authenticator for the agent directly, returning its secret. */
	private String enrol(AgentView agent) {
		String secret = this.signIn.startEnrolment(agent.id()).secret();
		this.signIn.completeEnrolment(agent.id(), secret, ConsoleTestSupport.code(secret)).orElseThrow();
		return secret;
	}

	private MockHttpSession password(String username, String password, String expectedRedirect) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andExpect(redirectedUrl(expectedRedirect))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession();
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/**
	 * A six-digit code that is not the current one (nor the neighbours the server also
	 * accepts).
	 */
	private static String wrong(String secret) {
		String valid = ConsoleTestSupport.code(secret);
		int candidate = (Integer.parseInt(valid) + 500_000) % 1_000_000;
		return String.format("%06d", candidate);
	}

	private static List<String> recoveryCodes(String html) {
		Matcher matcher = RECOVERY_CODE.matcher(html);
		List<String> codes = new java.util.ArrayList<>();
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

}
