package io.walletdesk.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS socket factories for mail servers whose certificates chain to a configured trust
 * store rather than the JVM's. Built once per trust store and shared by every inbox.
 */
final class MailTrust {

	private static final Map<String, SSLSocketFactory> FACTORIES = new ConcurrentHashMap<>();

	private MailTrust() {
	}

	static Optional<SSLSocketFactory> socketFactory(EmailSettings settings) {
		if (settings.trustStore() == null || settings.trustStore().isBlank()) {
			return Optional.empty();
		}
		String key = settings.trustStoreType() + ":" + settings.trustStore();
		return Optional.of(FACTORIES.computeIfAbsent(key, ignored -> load(settings)));
	}

	private static SSLSocketFactory load(EmailSettings settings) {
		char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
		try (InputStream in = Files.newInputStream(Path.of(settings.trustStore()))) {
			KeyStore store = KeyStore.getInstance(settings.trustStoreType());
			store.load(in, password);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot load the mail trust store " + settings.trustStore() + ": " + ex.getMessage(), ex);
		}
	}

}
