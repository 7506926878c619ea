package io.walletdesk.channel.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.walletdesk.ConsoleTestSupport;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An admin sets up a Telegram bot through the console in a real browser (Debian's
 * Chromium driven by Playwright) and copies its webhook URL. Skipped where Chromium is
 * not installed, unless {@code WALLETDESK_REQUIRE_BROWSER=true} demands it.
 */
@WalletDeskIntegrationTest
class InboxAdminBrowserTests {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	@Autowired
	SignIn signIn;

	@Autowired
	InboxManagement inboxes;

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
	void adminCreatesATelegramInboxAndCopiesItsWebhookUrl() {
		AgentView admin = this.agents.create(Role.ADMIN);
		String secret = this.signIn.startEnrolment(admin.id()).secret();
		this.signIn.completeEnrolment(admin.id(), secret, ConsoleTestSupport.code(secret)).orElseThrow();
		this.page.navigate("/login");
		this.page.getByLabel("Username").fill(admin.username());
		this.page.getByLabel("Password").fill(TestAgents.PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		this.page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(ConsoleTestSupport.code(secret));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin").setExact(true)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inboxes").setExact(true)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Telegram").setExact(true)).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("New Telegram inbox");

		String name = "Support bot " + UUID.randomUUID().toString().substring(0, 6);
		this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
		this.page.getByLabel("botTokenEnv").fill("123456:the-token-itself");
		this.page.getByLabel("secretTokenEnv").fill("SUPPORT_BOT_SECRET");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create inbox")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("Please correct the marked fields.");
		assertThat(this.page.locator(".field-error")).containsText("must name an environment variable");

		this.page.getByLabel("botTokenEnv").fill("SUPPORT_BOT_TOKEN");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create inbox")).click();
		assertThat(this.page.locator(".alert-info")).containsText("Inbox created");
		InboxView created = this.inboxes.all()
			.stream()
			.filter(inbox -> inbox.name().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(created.settings()).containsEntry("botTokenEnv", "SUPPORT_BOT_TOKEN");
		assertThat(this.page.locator("#endpoint-telegram_webhook"))
			.hasText("http://localhost:" + this.port + "/channels/telegram/" + created.publicKey());
		assertThat(this.page.locator("#endpoints")).containsText("Missing credential");
		this.page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "admin-inbox.png"))
			.setFullPage(true));

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable")).click();
		assertThat(this.page.locator(".alert-info")).containsText("Inbox disabled");
		assertThat(this.inboxes.find(created.id()).orElseThrow().enabled()).isFalse();

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Channel health").setExact(true))
			.first()
			.click();
		assertThat(this.page).hasURL(Pattern.compile(".*/admin/channels/health$"));
		assertThat(this.page.locator("#health-" + created.id())).containsText("Disabled");
	}

}
