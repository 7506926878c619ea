package io.walletdesk.identity;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the {@code admin} agent. Its password comes from
 * {@code WALLETDESK_ADMIN_PASSWORD}, else a generated one is printed once to the log.
 * With {@code WALLETDESK_ADMIN_TOKEN} set, an admin API token with exactly that value is
 * ensured on every start (automation, load tests).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final AgentManagement agents;

	private final Environment environment;

	AdminBootstrap(AgentManagement agents, Environment environment) {
		this.agents = agents;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		AgentView admin = this.agents.findByUsername("admin").orElseGet(this::createAdmin);
		String token = this.environment.getProperty("WALLETDESK_ADMIN_TOKEN");
		if (token != null && !token.isBlank()) {
			this.agents.ensureToken(admin.id(), "bootstrap (WALLETDESK_ADMIN_TOKEN)", token.trim());
		}
	}

	private AgentView createAdmin() {
		String configured = this.environment.getProperty("WALLETDESK_ADMIN_PASSWORD");
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? generatePassword() : configured;
		AgentView admin = this.agents.create(new NewAgent("admin", "Administrator", null, password, Set.of(Role.ADMIN),
				Set.of("en", "zh"), Set.of(), Set.of(), "UTC"));
		if (generated) {
			// Printed once, on creation only; it is never stored in clear anywhere.
			log.warn("Created the admin agent 'admin' with the generated password: {}", password);
		}
		else {
			log.info("Created the admin agent 'admin' with the password from WALLETDESK_ADMIN_PASSWORD");
		}
		return admin;
	}

	private static String generatePassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
