package io.walletdesk.channel.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the e-mail channel polls and what it accepts.
 *
 * @param pollInterval pause between two polls of every enabled e-mail inbox
 * @param maxMessageSize larger mails are quarantined without being downloaded (an inbox
 * may set a lower {@code maxMessageBytes})
 * @param batchSize how many mails one poll fetches from the server at a time
 * @param timeout connect and read timeout for IMAP and SMTP, so a hanging server stalls
 * only its own inbox
 * @param trustStore a key store file with the certificates (or private CA) that mail
 * servers' TLS certificates are checked against, instead of the JVM's default trust
 * store; for company mail servers with their own CA
 * @param trustStorePassword the trust store's password, if it has one
 * @param trustStoreType the trust store's format
 */
@ConfigurationProperties("walletdesk.channel.email")
record EmailSettings(@DefaultValue("60s") Duration pollInterval, @DefaultValue("25MB") DataSize maxMessageSize,
		@DefaultValue("200") int batchSize, @DefaultValue("30s") Duration timeout, String trustStore,
		String trustStorePassword, @DefaultValue("PKCS12") String trustStoreType) {

}
