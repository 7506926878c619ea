package io.walletdesk.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the sample data on start (the default for
 * {@code ./mvnw spring-boot:run})
 * @param agentPassword the password of every sample agent
 */
@ConfigurationProperties("walletdesk.demo")
record DemoSettings(@DefaultValue("false") boolean enabled, @DefaultValue("walletdesk-demo") String agentPassword) {
}
