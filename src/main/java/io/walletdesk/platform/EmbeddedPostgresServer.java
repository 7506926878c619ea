package io.walletdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per JVM, kept in a data directory that survives restarts unless
 * it is ephemeral (tests).
 * <p>
 * Running as root works because zonky's launcher runs {@code initdb} and {@code pg_ctl}
 * inside an unprivileged user namespace ({@code unshare -U}) when it detects root, where
 * PostgreSQL's refusal to run as root does not apply; files keep their real owner, so the
 * data directory needs no special permissions.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static EmbeddedPostgresServer instance;

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static synchronized EmbeddedPostgresServer obtain(Path dataDirectory, boolean ephemeral) {
		if (instance == null) {
			instance = start(dataDirectory, ephemeral);
		}
		return instance;
	}

	private static EmbeddedPostgresServer start(Path dataDirectory, boolean ephemeral) {
		try {
			Path directory = ephemeral ? Files.createTempDirectory("walletdesk-pg") : dataDirectory.toAbsolutePath();
			Files.createDirectories(directory);
			stopOrphanedServer(directory);
			log.info("Starting embedded PostgreSQL in {}", directory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(ephemeral)
				.setOverrideWorkingDirectory(workingDirectory(directory, ephemeral).toFile())
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("fsync", ephemeral ? "off" : "on")
				.setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
				.start();
			log.info("Embedded PostgreSQL is listening on port {}", postgres.getPort());
			return new EmbeddedPostgresServer(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL did not start", ex);
		}
	}

	private static Path workingDirectory(Path dataDirectory, boolean ephemeral) throws IOException {
		Path directory = ephemeral ? Path.of(System.getProperty("java.io.tmpdir"), "walletdesk-pg-binaries")
				: dataDirectory.toAbsolutePath().getParent().resolve("postgres-binaries");
		Files.createDirectories(directory);
		return directory;
	}

	/**
	 * A server left running by a killed JVM still owns the data directory; a new start
	 * would fail until it is gone.
	 */
	private static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
				: ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
		if (orphan.isPresent() && orphan.get().isAlive()
				&& orphan.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
			log.warn("Stopping an embedded PostgreSQL left running by an earlier start (pid {})", orphan.get().pid());
			orphan.get().destroy();
			orphan.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
		}
		Files.deleteIfExists(pidFile);
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + database;
	}

	void createDatabaseIfMissing(String database) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (ResultSet rs = exists.executeQuery()) {
				if (rs.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("create database \"" + database.replace("\"", "") + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
	}

}
