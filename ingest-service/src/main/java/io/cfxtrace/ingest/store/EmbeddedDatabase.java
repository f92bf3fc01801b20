package io.cfxtrace.ingest.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the embedded PostgreSQL used when no datasource is configured: real PostgreSQL 15 binaries from
 * Maven Central (zonky), its data directory kept between runs.
 *
 * <p>PostgreSQL refuses to run as root; zonky runs it under {@code unshare -U} (root maps to an
 * unprivileged user) where available, which covers root in CI containers.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String DATABASE = "cfxtrace";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * starts PostgreSQL on a data directory, creating it on the first run, and makes sure the
   * cfx-trace database exists.
   *
   * @param dataDirectory the data directory (kept).
   * @param port the port, 0 for a free one.
   * @return the running database, with durable commits.
   * @throws IllegalStateException naming the directory and the cause when it cannot start (for
   *     example another process uses that data directory).
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port) {
    return start(dataDirectory, port, true);
  }

  /**
   * starts PostgreSQL, choosing whether a commit waits for its WAL flush.
   *
   * @param dataDirectory the data directory (kept).
   * @param port the port, 0 for a free one.
   * @param durable true for {@code synchronous_commit=on}, which the service needs: it settles
   *     a delivery only once the commit is durable. zonky's default (off) suits throwaway test
   *     databases.
   * @return the running database.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable) {
    return start(dataDirectory, port, durable, true);
  }

  /**
   * starts PostgreSQL, choosing whether it stops by itself when the JVM shuts down.
   *
   * @param dataDirectory the data directory (kept).
   * @param port the port, 0 for a free one.
   * @param durable true for {@code synchronous_commit=on} (see {@link #start(Path, int, boolean)}).
   * @param stopWithJvm true to let zonky stop PostgreSQL from a JVM shutdown hook of its own.
   *     That hook runs alongside the application's hooks, so an application that stops its
   *     services before the database on Ctrl-C (the demo) passes false and calls {@link #close()}
   *     itself, last.
   * @return the running database.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable, boolean stopWithJvm) {
    return start(dataDirectory, port, durable, stopWithJvm, Map.of());
  }

  /**
   * starts PostgreSQL with further server settings (such as {@code shared_buffers} for a
   * benchmark that measures the store as a dedicated database server would hold it).
   *
   * @param dataDirectory the data directory (kept).
   * @param port the port, 0 for a free one.
   * @param durable true for {@code synchronous_commit=on} (see {@link #start(Path, int, boolean)}).
   * @param stopWithJvm true to let zonky stop PostgreSQL from a JVM shutdown hook of its own (see
   *     {@link #start(Path, int, boolean, boolean)}).
   * @param serverSettings PostgreSQL settings by name, passed to the server at start.
   * @return the running database.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable, boolean stopWithJvm, Map<String, String> serverSettings) {
    Path dir = dataDirectory.toAbsolutePath();
    try {
      Files.createDirectories(dir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("max_connections", "100")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              .setRegisterShutdownHook(stopWithJvm);
      serverSettings.forEach(builder::setServerConfig);
      EmbeddedPostgres pg = builder.start();
      EmbeddedDatabase db = new EmbeddedDatabase(pg, dir);
      db.createDatabaseIfMissing();
      LOG.info("embedded PostgreSQL on port {}, data in {}", pg.getPort(), dir);
      return db;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot start the embedded PostgreSQL with data directory " + dir + ": " + e.getMessage()
              + " (is another cfx-trace using it? set cfx.store.embedded-data-directory, or configure datasources.default.url)",
          e);
    }
  }

  private void createDatabaseIfMissing() throws IOException {
    try (var c = postgres.getPostgresDatabase().getConnection();
        var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      check.setString(1, DATABASE);
      try (var rs = check.executeQuery()) {
        if (!rs.next()) {
          try (var create = c.createStatement()) {
            create.execute("create database " + DATABASE);
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
    }
  }

  /** the JDBC URL of the cfx-trace database. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", DATABASE);
  }

  /** the port. */
  public int port() {
    return postgres.getPort();
  }

  /** the data directory. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** stops PostgreSQL (a clean shutdown; the data stays). */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("stopping the embedded PostgreSQL failed: {}", e.getMessage());
    }
  }
}
