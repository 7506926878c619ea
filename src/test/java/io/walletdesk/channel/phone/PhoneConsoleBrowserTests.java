package io.walletdesk.channel.phone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.channel.RecordingApi;
import io.walletdesk.channel.RequestSignatures;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The phone channel in a real browser (Debian's Chromium through Playwright, skipped
 * where it is not installed, like ConsoleBrowserTests): the answering agent sees the
 * incoming call panel on whatever page they are, opens the caller's history, and logs a
 * call with the form.
 */
@WalletDeskIntegrationTest
class PhoneConsoleBrowserTests {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static final String SECRET = "cti-browser-" + UUID.randomUUID();

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	ConfigurableEnvironment environment;

	private BrowserContext context;

	private Page page;

	private final List<String> errors = new ArrayList<>();

	@BeforeAll
	static void launchBrowser() {
		if (!Files.isExecutable(CHROMIUM)) {
			if ("true".equalsIgnoreCase(System.getenv("WALLETDESK_REQUIRE_BROWSER"))) {
				fail("WALLETDESK_REQUIRE_BROWSER is set but " + CHROMIUM + " is missing");
			}
			Assumptions.abort(CHROMIUM + " is not installed; browser tests skipped");
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run")));
		PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openPage() {
		this.context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
			.setViewportSize(1440, 900)
			.setBaseURL("http://localhost:" + this.port));
		this.page = this.context.newPage();
		this.page.onConsoleMessage(message -> {
			if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
				this.errors.add(message.text());
			}
		});
		this.page.onResponse(response -> {
			// 422 is the console's answer to an invalid form: expected.
			if (response.status() >= 400 && response.status() != 422) {
				this.errors.add(response.status() + " " + response.url());
			}
		});
	}

	@AfterEach
	void closePage() {
		if (this.context != null) {
			this.context.close();
		}
		assertThat(this.errors).as("errors in the browser console").isEmpty();
	}

	@Test
	void theAnsweringAgentSeesTheCallAndOpensTheCallersHistory() throws Exception {
		AgentView alice = this.agents.create(Role.AGENT);
		RecordingApi.setProperty(this.environment, "WALLETDESK_CTI_BROWSER_SECRET", SECRET);
		InboxView inbox = this.inboxes.create("phone", "Browser PBX " + UUID.randomUUID(),
				Map.of("secretEnv", "WALLETDESK_CTI_BROWSER_SECRET", "extensions", "201=" + alice.username()), null);
		signIn(alice);
		this.page.navigate("/tickets?view=open");
		assertThat(this.page.locator("#live-status")).hasAttribute("data-state", "connected");
		Locator notice = this.page.locator("#call-notice");
		assertThat(notice).isHidden();

		String callId = "browser-" + UUID.randomUUID();
		String caller = "+86137" + String.format("%08d", (int) (Math.random() * 100_000_000));
		event(inbox, callId, "ringing", caller);
		event(inbox, callId, "answered", caller);

		assertThat(notice).isVisible();
		assertThat(notice).containsText("Incoming call from");
		assertThat(notice).containsText(caller);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open history")).click();
		assertThat(this.page).hasURL(Pattern.compile(".*/tickets/[0-9a-f-]{36}$"));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Call from " + caller);

		this.page.getByText("Log a call").click();
		assertThat(this.page.getByLabel("Phone number", new Page.GetByLabelOptions().setExact(true))).hasValue(caller);
		this.page.getByLabel("Minutes", new Page.GetByLabelOptions().setExact(true)).fill("3");
		this.page.getByLabel("Seconds", new Page.GetByLabelOptions().setExact(true)).fill("90");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log call")).click();
		assertThat(this.page.locator("#phone-calls")).containsText("Enter minutes and seconds (0–59)");

		this.page.getByLabel("Seconds", new Page.GetByLabelOptions().setExact(true)).fill("30");
		this.page.getByLabel("Notes", new Page.GetByLabelOptions().setExact(true))
			.fill("Confirmed the deposit address with the customer.");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log call")).click();
		assertThat(this.page.locator("#phone-calls .call-history")).containsText("3 min 30 s");
		assertThat(this.page.locator("#timeline .message-internal").last())
			.containsText("Confirmed the deposit address with the customer.");
	}

	private void event(InboxView inbox, String callId, String event, String from) throws Exception {
		String path = "/channels/phone/" + inbox.publicKey() + "/events";
		byte[] body = """
				{"callId": "%s", "event": "%s", "from": "%s", "to": "+862150001000", "direction": "inbound",
				 "agent": "201", "at": "%s"}""".formatted(callId, event, from, Instant.now())
			.getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
		RequestSignatures.headers(SECRET, "POST", path, body, Instant.now()).forEach(request::header);
		this.mvc.perform(request).andExpect(status().isOk());
	}

	private void signIn(AgentView agent) {
		this.page.navigate("/login");
		this.page.getByLabel("Username").fill(agent.username());
		this.page.getByLabel("Password").fill(TestAgents.PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		this.page.waitForLoadState();
	}

}
