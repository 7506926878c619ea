package io.walletdesk;

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

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");

	private final SignIn signIn;

	private final TicketManagement tickets;

	private final CustomerManagement customers;

	public ConsoleTestSupport(SignIn signIn, TicketManagement tickets, CustomerManagement customers) {
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

	/** Opens a ticket from a new customer known by email. */
	public TicketView ticket(String subject, String body, UUID groupId, Priority priority) {
		return ticket(subject, body, groupId, priority, "Customer " + UUID.randomUUID().toString().substring(0, 6),
				"customer-" + UUID.randomUUID() + "@example.test", "en");
	}

	public TicketView ticket(String subject, String body, UUID groupId, Priority priority, String customerName,
			String email, String language) {
		UUID customer = this.customers.identify(IdentityKind.EMAIL, email, customerName, language);
		return this.tickets.open(new OpenTicket(customer, subject, body, null, Channel.EMAIL, null, null, priority,
				null, Set.of(), groupId, null, List.of(), Actor.customer(customer, customerName)));
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
