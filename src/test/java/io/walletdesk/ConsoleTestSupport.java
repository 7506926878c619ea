package io.walletdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.walletdesk.customer.CustomerManagement;
import io.walletdesk.customer.IdentityKind;
import io.walletdesk.identity.AgentPrincipal;
import io.walletdesk.identity.SignIn;
import io.walletdesk.ticket.Actor;
import io.walletdesk.ticket.ChangeTicket;
import io.walletdesk.ticket.Channel;
import io.walletdesk.ticket.OpenTicket;
import io.walletdesk.ticket.Priority;
import io.walletdesk.ticket.TicketManagement;
import io.walletdesk.ticket.TicketView;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What console tests need besides agents: a request signed in as an agent, tickets from
 * customers, TOTP codes, and reading values off a page.
 */
@Component
public class ConsoleTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");

	private final SignIn signIn;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	public ConsoleTestSupport(SignIn signIn, TicketManagement tickets, CustomerManagement customers,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.tickets = tickets;
		this.customers = customers;
	}

	/**
	 * A request made by the agent after a complete sign-in (password and second factor).
	 */
	public RequestPostProcessor as(UUID agentId) {
		AgentPrincipal agent = this.signIn.principal(agentId);
		return SecurityMockMvcRequestPostProcessors
			.authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
	}

	/** The agent as the console sees them after a complete sign-in. */
	public AgentPrincipal principal(UUID agentId) {
		return this.signIn.principal(agentId);
	}

	/** Opens a ticket from a new customer known by email. */
	private static final UUID TEST_AGENT = UUID.fromString("00000000-0000-0000-0000-00000000a9e7");

	public TicketView ticket(String subject, String body, UUID groupId, Priority priority) {
		return ticket(subject, body, groupId, priority, "Customer " + UUID.randomUUID().toString().substring(0, 6),
				"customer-" + UUID.randomUUID() + "@example.test", "en");
	}

	public TicketView ticket(String subject, String body, UUID groupId, Priority priority, String customerName,
			String email, String language) {
		UUID customer = this.customers.identify(IdentityKind.EMAIL, email, customerName, language);
		TicketView ticket = this.tickets.open(new OpenTicket(customer, subject, body, null, Channel.EMAIL, null, null,
				priority, null, Set.of(), groupId, null, List.of(), Actor.customer(customer, customerName)));
		if (priority == null) {
			return ticket;
		}
		// The priority the test asks for is an agent's decision, which triage leaves
		// alone.
		return this.tickets.change(ticket.id(), new ChangeTicket(null, priority, null, null, null, null),
				Actor.agent(TEST_AGENT, "Test agent"));
	}

	/**
	 * Waits (up to 30 s) until the modules' background reactions (triage, SLA timers,
	 * routing) to what the test did are done: no event publication is outstanding.
	 */
	public void awaitBackgroundWork() throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline
				&& this.jdbc.sql("select count(*) from event_publication where completion_date is null")
					.query(Long.class)
					.single() > 0) {
			Thread.sleep(50);
		}
	}

	public String customerEmail(UUID customerId) {
		return this.customers.get(customerId).email();
	}

	/**
	 * Signs in through the real sign-in form of the server on the port, as a browser
	 * does.
	 * @return the session cookie, as a {@code Cookie} header value
	 */
	public static String signInOverHttp(int port, String username, String password) {
		try {
			CookieManager cookies = new CookieManager();
			HttpClient http = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			String base = "http://localhost:" + port;
			String form = http
				.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher csrf = CSRF.matcher(form);
			if (!csrf.find()) {
				throw new AssertionError("No CSRF token on the sign-in page");
			}
			String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
					+ encode(csrf.group(1));
			HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/")) {
				throw new AssertionError("Sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
			}
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(cookie -> cookie.getName().equals("JSESSIONID"))
				.map(cookie -> cookie.getName() + "=" + cookie.getValue())
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The current TOTP code for a base32 secret, as an authenticator app shows it. */
	public static String code(String secret) {
		try {
			return new DefaultCodeGenerator().generate(secret.replace(" ", ""), Instant.now().getEpochSecond() / 30);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The authenticator secret shown on an enrolment page, without the reading spaces.
	 */
	public static String secretOnPage(String html) {
		Matcher matcher = SECRET.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No authenticator secret on the page");
		}
		return matcher.group(1).replace(" ", "");
	}

}
