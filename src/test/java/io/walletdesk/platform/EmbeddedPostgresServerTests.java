package io.walletdesk.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTests {

	@TempDir
	Path directory;

	@Test
	void keepsDataAcrossRestartsInItsDataDirectory() throws Exception {
		Path data = this.directory.resolve("postgres");
		EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, false);
		first.createDatabaseIfMissing("walletdesk");
		try (Connection connection = DriverManager.getConnection(first.jdbcUrl("walletdesk"), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table survivor (name text)");
			statement.execute("insert into survivor values ('still here')");
		}
		first.stop();

		EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, false);
		try (Connection connection = DriverManager.getConnection(second.jdbcUrl("walletdesk"), "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select name from survivor")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("still here");
		}
		finally {
			second.stop();
		}
	}

	@Test
	void clearsAStalePidFileLeftByAKilledServer() throws Exception {
		Path data = Files.createDirectories(this.directory.resolve("stale"));
		Path pidFile = data.resolve("postmaster.pid");
		Files.writeString(pidFile, "2147483000\n" + data + "\n");
		EmbeddedPostgresServer.stopOrphanedServer(data);
		assertThat(pidFile).doesNotExist();
	}

}
