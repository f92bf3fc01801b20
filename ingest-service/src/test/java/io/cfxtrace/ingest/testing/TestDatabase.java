package io.cfxtrace.ingest.testing;

import io.cfxtrace.ingest.store.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * a fresh, empty database for a test, on a server chosen once per JVM, in this order:
 *
 * <ol>
 *   <li>the server named by the environment variable {@code CFX_TEST_JDBC_URL} (a JDBC URL with
 *       user and password, for example {@code
 *       jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), such as a local TimescaleDB;
 *   <li>a TimescaleDB container through Testcontainers, when a Docker engine is available;
 *   <li>an embedded PostgreSQL 15 (zonky, real binaries from Maven Central) otherwise.
 * </ol>
 *
 * <p>Each call creates a database {@code cfx_test_<random>} on that server, so test classes do not
 * see each other's rows.
 */
public final class TestDatabase {

  private static Server server;

  /** databases made on an external server, dropped when the test JVM ends (embedded ones go with their server). */
  private static final java.util.List<String> EXTERNAL_DATABASES = new java.util.ArrayList<>();

  private final String url;
  private final String user;
  private final String password;

  private record Server(String kind, String adminUrl, String user, String password) {}

  private TestDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * creates an empty database (not migrated).
   *
   * @return the database.
   */
  public static synchronized TestDatabase create() {
    Server s = server();
    String name = "cfx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("create database " + name);
      if (s.kind().startsWith("external")) {
        if (EXTERNAL_DATABASES.isEmpty()) {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> dropExternal(s), "cfx-test-db-drop"));
        }
        EXTERNAL_DATABASES.add(name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + s.kind() + ": " + e.getMessage(), e);
    }
    return new TestDatabase(withDatabase(s.adminUrl(), name), s.user(), s.password());
  }

  /** drops this JVM's databases on the external server; a failure is reported, never thrown at exit. */
  private static synchronized void dropExternal(Server s) {
    try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      for (String name : EXTERNAL_DATABASES) {
        // FORCE (PostgreSQL 13+): pools a test left open, or TimescaleDB workers, must not keep it
        st.execute("drop database if exists " + name + " with (force)");
      }
    } catch (SQLException e) {
      java.util.logging.Logger.getLogger(TestDatabase.class.getName())
          .warning("could not drop the test databases " + EXTERNAL_DATABASES + " on " + s.kind() + ": " + e.getMessage());
    }
  }

  /**
   * creates a database and migrates it with the service's Flyway migrations.
   *
   * @return the database.
   */
  public static TestDatabase migrated() {
    TestDatabase db = create();
    Flyway.configure().dataSource(db.url, db.user, db.password).locations("classpath:db/migration").load().migrate();
    return db;
  }

  /** which server the tests run on, for logs and closing notes. */
  public static synchronized String serverKind() {
    return server().kind();
  }

  private static Server server() {
    if (server != null) {
      return server;
    }
    String external = System.getenv("CFX_TEST_JDBC_URL");
    if (external != null && !external.isBlank()) {
      server = new Server("external server " + external.replaceAll("password=[^&]*", "password=***"), external, null, null);
      return server;
    }
    server = TestcontainersTimescale.start();
    if (server == null) {
      try {
        // throwaway test databases skip the WAL flush per commit unless a benchmark asks for
        // the durable setting the service runs with (-Dcfx.test.durable=true)
        boolean durable = Boolean.getBoolean("cfx.test.durable");
        EmbeddedDatabase db = EmbeddedDatabase.start(Files.createTempDirectory("cfx-test-pg"), 0, durable);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "cfx-test-pg-stop"));
        server = new Server("embedded PostgreSQL 15 (zonky, synchronous_commit=" + (durable ? "on" : "off") + ")", db.jdbcUrl(), "postgres", "");
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  private static String withDatabase(String url, String database) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q);
    int slash = base.lastIndexOf('/');
    return base.substring(0, slash + 1) + database + query;
  }

  /** Testcontainers with a TimescaleDB image, only when Docker is there. */
  private static final class TestcontainersTimescale {
    static Server start() {
      try {
        if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
          return null;
        }
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
      var image =
          org.testcontainers.utility.DockerImageName.parse("timescale/timescaledb:2.28.0-pg15").asCompatibleSubstituteFor("postgres");
      var container = new org.testcontainers.containers.PostgreSQLContainer<>(image);
      container.start();
      return new Server("Testcontainers " + image, container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
  }

  /** the JDBC URL. */
  public String url() {
    return url;
  }

  /** the user. */
  public String user() {
    return user;
  }

  /** the password. */
  public String password() {
    return password;
  }

  /** a simple data source (no pool). */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    if (user != null) {
      ds.setUser(user);
    }
    if (password != null) {
      ds.setPassword(password);
    }
    return ds;
  }

  /** Micronaut datasource settings for this database. */
  public Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("datasources.default.url", url);
    if (user != null) {
      p.put("datasources.default.username", user);
    }
    p.put("datasources.default.password", password == null ? "" : password);
    return p;
  }

  /** a connection, for assertions. */
  public Connection connect() throws SQLException {
    return dataSource().getConnection();
  }

  /** a temporary directory for a test's files (spools). */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
