package io.walletdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.customer.NewCustomer;
import io.walletdesk.identity.AgentManagement;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.NewAgent;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignIn;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.Category;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketStatus;
import io.walletdesk.ticket.TicketView;
import io.walletdesk.ticket.Visibility;
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
 * The console in a real browser (Debian's Chromium driven by Playwright): signing in with
 * two-step verification, answering a ticket, and live updates arriving without a reload.
 * Skipped where Chromium is not installed, unless {@code WALLETDESK_REQUIRE_BROWSER=true}
 * demands it. With {@code WALLETDESK_UPDATE_SCREENSHOTS=true} it also refreshes the
 * README screenshots in {@code docs/images}.
 */
@WalletDeskIntegrationTest
class ConsoleBrowserTests {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	@Autowired
	ConsoleTestSupport console;

	@Autowired
	TicketManagement tickets;

	@Autowired
	AgentManagement management;

	@Autowired
	CustomerManagement customers;

	@Autowired
	SignIn signInService;

	private BrowserContext context;

	private Page page;

	private final List<String> consoleErrors = new ArrayList<>();

	@BeforeAll
	static void launchBrowser() {
		if (!Files.isExecutable(CHROMIUM)) {
			if ("true".equalsIgnoreCase(System.getenv("WALLETDESK_REQUIRE_BROWSER"))) {
				fail("WALLETDESK_REQUIRE_BROWSER is set but " + CHROMIUM
						+ " is missing: apt-get install -y chromium fonts-noto-cjk");
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
			// Failed requests are reported below with their address, which the console
			// message lacks.
			if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
				this.consoleErrors.add(message.text());
			}
		});
		this.page.onResponse(response -> {
			// 409 and 422 are the console's answers to a refused change or an invalid
			// form: expected.
			if (response.status() >= 400 && response.status() != 409 && response.status() != 422) {
				this.consoleErrors.add(response.status() + " " + response.url());
			}
		});
	}

	@AfterEach
	void closePage() {
		if (this.context != null) {
			this.context.close();
		}
		// A CSP violation (an inline style, an eval) or a failed request shows up here
		// first.
		assertThat(this.consoleErrors).as("errors in the browser console").isEmpty();
	}

	@Test
	void supervisorSetsUpTwoStepVerificationAndLaterSignsInWithACode() {
		AgentView supervisor = this.agents.create(Role.SUPERVISOR);
		signIn(supervisor);

		assertThat(this.page).hasURL(Pattern.compile(".*/login/two-factor/enrol$"));
		assertThat(this.page.getByRole(AriaRole.HEADING)).hasText("Set up two-step verification");
		assertThat(this.page.getByAltText("QR code for your authenticator app")).isVisible();
		screenshot("enrol.png", false);
		String secret = this.page.locator("#totp-secret").innerText().replace(" ", "");
		assertThat(secret).matches("[A-Z2-7]{32}");

		this.page.getByLabel("Code from the app").fill(ConsoleTestSupport.code(secret));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING)).hasText("Save your recovery codes");
		assertThat(this.page.locator("#recovery-codes li")).hasCount(10);
		screenshot("recovery-codes.png", false);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have saved them, continue"))
			.click();
		assertThat(this.page.locator(".user-name")).hasText(supervisor.displayName());
		assertThat(this.page.locator("#inbox-nav")).containsText("All open");

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");

		signIn(supervisor);
		assertThat(this.page).hasURL(Pattern.compile(".*/login/two-factor$"));
		this.page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("000000");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("That code is not valid.");
		screenshot("two-factor.png", false);
		this.page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(ConsoleTestSupport.code(secret));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
		assertThat(this.page.locator(".user-name")).hasText(supervisor.displayName());
	}

	@Test
	void agentAnswersATicketAndTheReplyAppearsInTheTimeline() {
		UUID group = this.agents.group("browser");
		AgentView agent = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Withdrawal pending for two days",
				"My ETH withdrawal is still pending.", group, Priority.HIGH);
		signIn(agent);
		this.page.navigate("/tickets?view=open");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ticket.subject())).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(ticket.subject());

		Locator reply = this.page.getByPlaceholder("Write your reply.");
		reply.fill("The network is congested; your withdrawal will arrive within the hour.");
		this.page.getByLabel("Submit as").selectOption("pending");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

		Locator answered = this.page.locator("#timeline .message-agent");
		assertThat(answered).containsText("will arrive within the hour");
		assertThat(answered).containsText("Public reply");
		assertThat(reply).isEmpty();
		assertThat(this.page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true))).hasValue("pending");

		this.page.getByText("Internal note", new Page.GetByTextOptions().setExact(true)).click();
		reply.fill("Checked the hot wallet queue.");
		reply.press("Control+Enter");
		Locator note = this.page.locator("#timeline .message-internal");
		assertThat(note).containsText("Checked the hot wallet queue.");
		assertThat(note.locator(".message-kind")).hasText("Internal note");
		assertThat(background(note)).isNotEqualTo(background(answered));
	}

	@Test
	void customerMessageAndAssignmentAppearWithoutReload() {
		UUID group = this.agents.group("live");
		AgentView agent = this.agents.create(Role.AGENT, group);
		AgentView colleague = this.agents.create(Role.AGENT, group);
		TicketView ticket = this.console.ticket("Staking rewards missing", "No rewards this week.", group,
				Priority.NORMAL);
		signIn(agent);
		this.page.navigate("/tickets/" + ticket.id());
		assertThat(this.page.locator("#live-status")).hasAttribute("data-state", "connected");
		Locator reply = this.page.getByPlaceholder("Write your reply.");
		reply.fill("Draft that must survive");

		this.tickets.post(ticket.id(), new PostMessage(Actor.customer(ticket.requesterId(), "Customer"),
				Visibility.PUBLIC, "Any news? 有进展吗？", null, Channel.EMAIL, null, null, List.of(), null));
		assertThat(this.page.locator("#timeline .message-customer").last()).containsText("有进展吗");

		this.tickets.change(ticket.id(),
				new ChangeTicket(null, null, null, java.util.Optional.of(colleague.id()), null, null),
				Actor.agent(colleague.id(), colleague.displayName()));
		assertThat(this.page.locator("#ticket-header")).containsText("Assigned to " + colleague.displayName());
		assertThat(reply).hasValue("Draft that must survive");
	}

	@Test
	void newTicketAppearsInTheListWithoutReload() {
		UUID group = this.agents.group("list");
		AgentView agent = this.agents.create(Role.AGENT, group);
		signIn(agent);
		this.page.navigate("/tickets?view=group&group=" + group);
		assertThat(this.page.locator("#live-status")).hasAttribute("data-state", "connected");
		assertThat(this.page.locator("#ticket-rows")).containsText("No tickets here.");

		TicketView ticket = this.console.ticket("Hardware wallet not detected", "Ledger not found", group,
				Priority.URGENT);
		assertThat(this.page.locator("#ticket-rows")).containsText(ticket.subject());
		assertThat(this.page.locator("#inbox-nav .count-urgent")).isVisible();
		screenshot("inbox.png", false);
	}

	@Test
	void ticketPageInEnglishAndChinese() {
		String suffix = UUID.randomUUID().toString().substring(0, 4);
		UUID group = this.management.groupByName("Wallet support")
			.orElseGet(() -> this.management.createGroup("Wallet support", "Everyday wallet questions"))
			.id();
		AgentView agent = this.management.create(new NewAgent("mia.chen-" + suffix, "Mia Chen",
				"mia.chen-" + suffix + "@example.test", TestAgents.PASSWORD, Set.of(Role.AGENT),
				new LinkedHashSet<>(List.of("en", "zh-CN")), Set.of("transfers"), Set.of(group), "Asia/Singapore"));
		String email = "li.hua." + suffix + "@example.cn";
		TicketView earlier = this.console.ticket("如何备份助记词？", "我想换手机，助记词怎么备份？", group, Priority.LOW, "李华", email,
				"zh-CN");
		this.tickets.change(earlier.id(), ChangeTicket.status(TicketStatus.SOLVED), Actor.system());
		TicketView ticket = this.console.ticket("提现一直显示处理中", """
				你好，我昨天从交易所提现 250 USDT 到我的钱包（TRC20），
				交易所显示已完成，但钱包里一直没有到账。请帮忙查一下，谢谢！""", group, Priority.HIGH, "李华", email, "zh-CN");
		this.customers.update(ticket.requesterId(), "李华", "zh-CN", "Asia/Shanghai", "vip", "",
				List.of(new NewCustomer.IdentityInput(IdentityKind.TELEGRAM, "@lihua_" + suffix)));
		this.tickets.change(ticket.id(),
				new ChangeTicket(null, null, Optional.of(Category.TRANSFER), Optional.of(agent.id()), null, null),
				Actor.agent(agent.id(), agent.displayName()));
		this.tickets.post(ticket.id(), PostMessage.reply(Actor.agent(agent.id(), agent.displayName()),
				"TRC20 transfer is confirmed on-chain; the wallet shows it after a resync. Asked the customer to pull to refresh.",
				Visibility.INTERNAL));
		this.tickets.post(ticket.id(),
				new PostMessage(Actor.agent(agent.id(), agent.displayName()), Visibility.PUBLIC, """
						您好李华，感谢耐心等待！这笔 250 USDT 已在链上确认，请在钱包首页下拉刷新，资产即会显示。
						If it still does not show, reply here and we will help right away.""", null, Channel.CONSOLE,
						null, null, List.of(), TicketStatus.PENDING));
		this.tickets.post(ticket.id(), new PostMessage(Actor.customer(ticket.requesterId(), "李华"), Visibility.PUBLIC,
				"刷新后已经到账了，谢谢！", null, Channel.EMAIL, null, null, List.of(), null));

		signIn(agent);
		this.page.navigate("/tickets/" + ticket.id());
		assertThat(this.page.locator("#timeline")).containsText("刷新后已经到账了");
		assertThat(this.page.locator("#timeline .message-internal .message-kind")).hasText("Internal note");
		screenshot("console.png", true);

		this.page.navigate("/tickets/" + ticket.id() + "?lang=zh-CN");
		assertThat(this.page.locator("#timeline .message-internal .message-kind")).hasText("内部备注");
		assertThat(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发送"))).isVisible();
		screenshot("console-zh.png", true);
	}

	@Test
	void adminIssuesAnApiTokenThatIsShownOnce() {
		AgentView admin = this.agents.create(Role.ADMIN);
		AgentView bot = this.agents.create(Role.AGENT);
		String secret = this.signInService.startEnrolment(admin.id()).secret();
		this.signInService.completeEnrolment(admin.id(), secret, ConsoleTestSupport.code(secret)).orElseThrow();
		signIn(admin);
		this.page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(ConsoleTestSupport.code(secret));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin").setExact(true)).click();
		assertThat(this.page.locator("#agents")).containsText(bot.username());
		screenshot("admin-agents.png", false);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens")).click();
		this.page.getByLabel("Acts as").selectOption(bot.id().toString());
		this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Telegram bridge");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue token")).click();

		String value = this.page.locator("#issued-token").innerText();
		assertThat(value).startsWith("wd_");
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("shown only once");
		screenshot("admin-tokens.png", false);
		this.page.navigate("/admin/tokens");
		assertThat(this.page.locator("#tokens")).containsText("Telegram bridge");
		assertThat(this.page.locator("body")).not().containsText(value);
	}

	private void signIn(AgentView agent) {
		this.page.navigate("/login");
		this.page.getByLabel("Username").fill(agent.username());
		this.page.getByLabel("Password").fill(TestAgents.PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		this.page.waitForLoadState();
	}

	private static String background(Locator element) {
		return (String) element.first().evaluate("e => getComputedStyle(e).backgroundColor");
	}

	/**
	 * Saves what the page shows under {@code target/screenshots} for people reviewing a
	 * change, and, when asked to, under {@code docs/images} for the README.
	 */
	private void screenshot(String name, boolean forReadme) {
		boolean updateDocs = forReadme && "true".equalsIgnoreCase(System.getenv("WALLETDESK_UPDATE_SCREENSHOTS"));
		Path target = updateDocs ? Paths.get("docs", "images", name) : Paths.get("target", "screenshots", name);
		this.page.screenshot(new Page.ScreenshotOptions().setPath(target).setFullPage(true));
	}

}
