package io.walletdesk.channel.widget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.walletdesk.TestAgents;
import io.walletdesk.WalletDeskIntegrationTest;
import io.walletdesk.channel.InboxManagement;
import io.walletdesk.channel.InboxView;
import io.walletdesk.identity.AgentView;
import io.walletdesk.identity.Role;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.AuthorKind;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.PostMessage;
import io.walletdesk.ticket.TicketManagement;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The widget embedded in a page of another origin, in Debian's Chromium driven by
 * Playwright: a visitor chats in Chinese and sees the agent's reply arrive live, and a
 * visitor outside office hours leaves a message. Skipped where Chromium is not installed,
 * unless {@code WALLETDESK_REQUIRE_BROWSER=true} demands it.
 */
@WalletDeskIntegrationTest
class WidgetBrowserTests {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	InboxManagement inboxes;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TestAgents agents;

	@Autowired
	JdbcClient jdbc;

	private BrowserContext context;

	private Page page;

	private final List<String> errors = new ArrayList<>();

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
						"--no-first-run",
						// The test's shop page is fulfilled by Playwright and so counts
						// as
						// a public address, which may not load from the loopback server;
						// in production both sides are public.
						"--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests")));
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
		this.context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
		this.page = this.context.newPage();
		this.page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				this.errors.add(message.text());
			}
		});
		this.page.onPageError(error -> this.errors.add(error));
	}

	@AfterEach
	void closePage() {
		if (this.context != null) {
			this.context.close();
		}
		assertThat(this.errors).as("errors in the browser console").isEmpty();
	}

	@Test
	void aVisitorChatsInChineseAndSeesTheAgentsReplyLive() {
		UUID group = this.agents.group("widget");
		InboxView inbox = this.inboxes.create("web_chat", "钱包客服 " + UUID.randomUUID().toString().substring(0, 4),
				Map.of("expectedResponseMinutes", "10"), group);
		openShop(inbox, "zh");

		Page.GetByRoleOptions launcher = new Page.GetByRoleOptions().setName("联系客服");
		this.page.getByRole(AriaRole.BUTTON, launcher).click();
		assertThat(this.page.getByRole(AriaRole.DIALOG)).isVisible();
		assertThat(this.page.getByText("通常在 10 分钟内回复。", new Page.GetByTextOptions().setExact(false))).isVisible();
		assertThat(form().getByLabel("消息")).isFocused();

		form().getByLabel("消息").fill("你好，我的提现一直没有到账");
		form().getByLabel("消息").press("Enter");
		assertThat(this.page.getByRole(AriaRole.LOG).getByText("我 · 已发送")).isVisible();

		TicketView.MessageView sent = awaitCustomerMessage(inbox);
		assertThat(sent.body()).isEqualTo("你好，我的提现一直没有到账");
		UUID ticketId = this.tickets.findByExternalId(Channel.WEB_CHAT, sent.externalId()).orElseThrow().ticketId();
		AgentView agent = this.agents.create(Role.AGENT, group);
		this.tickets.post(ticketId,
				PostMessage.reply(Actor.agent(agent.id(), "小王"), "您好，我们正在为您查询，请稍候。", Visibility.PUBLIC));

		assertThat(this.page.getByRole(AriaRole.LOG).getByText("您好，我们正在为您查询，请稍候。")).isVisible();
		assertThat(this.page.getByRole(AriaRole.LOG).getByText("小王")).isVisible();

		this.page.keyboard().press("Escape");
		assertThat(this.page.getByRole(AriaRole.DIALOG)).isHidden();
		assertThat(this.page.getByRole(AriaRole.BUTTON, launcher)).isFocused();
	}

	@Test
	void outsideOfficeHoursAVisitorLeavesAMessageThatBecomesATicket() {
		String tomorrow = Instant.now()
			.plus(Duration.ofDays(1))
			.atZone(java.time.ZoneOffset.UTC)
			.getDayOfWeek()
			.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
		InboxView inbox = this.inboxes.create("web_chat", "Wallet help " + UUID.randomUUID().toString().substring(0, 4),
				Map.of("officeHours", tomorrow + " 09:00-10:00", "timeZone", "UTC"), null);
		openShop(inbox, "en");

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with support")).click();
		assertThat(this.page.getByText("We are away right now.", new Page.GetByTextOptions().setExact(false)))
			.isVisible();
		assertThat(this.page.getByText(tomorrow + " 09:00–10:00")).isVisible();
		assertThat(form().getByLabel("Name")).isFocused();

		form().getByLabel("Name").fill("Ada");
		form().getByLabel("E-mail").fill("not an address");
		form().getByLabel("Message").fill("My swap failed, please call me back.");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).hasText("Please enter a valid e-mail address.");

		form().getByLabel("E-mail").fill("ada@example.test");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("has been received");

		TicketView.MessageView sent = awaitCustomerMessage(inbox);
		assertThat(sent.body()).isEqualTo("My swap failed, please call me back.");
		assertThat(sent.authorName()).isEqualTo("Ada");
	}

	/** The form the widget shows now (chat or offline); the other one is hidden. */
	private com.microsoft.playwright.Locator form() {
		return this.page.locator("form:not([hidden])");
	}

	private void openShop(InboxView inbox, String lang) {
		// The shop is another origin than WalletDesk, as on a real customer's site.
		String shop = "http://127.0.0.1:" + this.port + "/shop-test-page";
		String html = """
				<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>
				<style>button{background:red!important}</style></head>
				<body><h1>Wallet shop</h1>
				<script src="http://localhost:%d/widget.js" data-inbox="%s" data-lang="%s" async></script>
				</body></html>""".formatted(this.port, inbox.publicKey(), lang);
		this.page.route(shop, (Route route) -> route.fulfill(
				new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8").setBody(html)));
		this.page.navigate(shop);
	}

	private TicketView.MessageView awaitCustomerMessage(InboxView inbox) {
		for (int i = 0; i < 100; i++) {
			List<java.util.UUID> ticketIds = this.jdbc.sql("select ticket_id from channel_thread where inbox_id = ?")
				.param(inbox.id())
				.query(UUID.class)
				.list();
			for (UUID ticketId : ticketIds) {
				var message = this.tickets.details(ticketId)
					.messages()
					.stream()
					.filter(m -> m.authorKind() == AuthorKind.CUSTOMER)
					.findFirst();
				if (message.isPresent()) {
					return message.get();
				}
			}
			this.page.waitForTimeout(100);
		}
		throw new AssertionError("No customer message in inbox " + inbox.name());
	}

}
