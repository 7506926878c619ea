package io.walletdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a random port against real PostgreSQL (embedded, or the server
 * named by {@code SPRING_DATASOURCE_URL}). Every integration test uses this one
 * configuration so the context is built once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// The SLA sweep runs only when a test calls it: a background sweep with a clock another
// test
// pinned far ahead would fire breaches (and raise priorities) on every other test's
// tickets.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "walletdesk.sla.sweep-enabled=false")
@AutoConfigureMockMvc
@Import(TestClock.Installed.class)
public @interface WalletDeskIntegrationTest {

}
