package io.cfxtrace.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cfxtrace.ingest.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * the SQL of docker/timescaledb/initdb/10-cfx-roles.sh, run on the test server (embedded
 * PostgreSQL 15 unless CFX_TEST_JDBC_URL names another), gives the roles the compose file's
 * services log in with what they need: cfx_ingest migrates and writes the event store, cfx_query
 * reads it and can change nothing.
 */
@Timeout(120)
class InitScriptTest {

  private static final Pattern HEREDOC = Pattern.compile("<<'SQL'\\n(.*?)\\nSQL\\n", Pattern.DOTALL);
  private static final Pattern VARIABLE = Pattern.compile(":(['\"])([a-z_]+)\\1");
  private static final String INGEST_PASSWORD = "ingest-" + UUID.randomUUID();
  private static final String QUERY_PASSWORD = "query-'quoted\"-" + UUID.randomUUID();

  private static TestDatabase db;
  private static String admin;

  @BeforeAll
  static void runTheInitScript() throws Exception {
    db = TestDatabase.create();
    admin = db.user();
    try (Connection c = connect(db.user(), db.password()); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("select count(*) from pg_roles where rolname in ('cfx_ingest', 'cfx_query')");
      rs.next();
      // roles belong to the whole server: never touch a server where a deployment already has them
      assumeFalse(rs.getInt(1) > 0, "roles cfx_ingest/cfx_query exist on " + TestDatabase.serverKind());
      for (String statement : statements(Map.of("db", database(), "ingest_pw", INGEST_PASSWORD, "query_pw", QUERY_PASSWORD))) {
        s.execute(statement);
      }
    }
    Flyway.configure().dataSource(urlWithoutUser(), "cfx_ingest", INGEST_PASSWORD).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void dropTheRoles() throws SQLException {
    if (db == null) {
      return;
    }
    String adminUrl = urlWithoutUser().replace("/" + database(), "/postgres");
    try (Connection c = DriverManager.getConnection(adminUrl, adminUser(), db.password()); Statement s = c.createStatement()) {
      s.execute("drop database if exists \"" + database() + "\" with (force)");
      s.execute("drop role if exists cfx_ingest");
      s.execute("drop role if exists cfx_query");
    }
  }

  @Test
  void theIngestRoleOwnsTheMigratedStore() throws SQLException {
    try (Connection c = connect("cfx_ingest", INGEST_PASSWORD); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("select tableowner from pg_tables where tablename = 'raw_message'");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("cfx_ingest");
      // what migration V2 reads to decide on TimescaleDB
      rs = s.executeQuery("select current_setting('shared_preload_libraries', true) is not null");
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
    }
  }

  @Test
  void theQueryRoleReadsEveryTableTheMigrationsCreated() throws SQLException {
    try (Connection c = connect("cfx_query", QUERY_PASSWORD); Statement s = c.createStatement()) {
      ResultSet tables = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1");
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      assertThat(names).contains("raw_message", "unit_event", "unit_material", "envelope_key");
      for (String table : names) {
        try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
          assertThat(rs.next()).as(table).isTrue();
        }
      }
    }
  }

  @Test
  void theQueryRoleCannotWriteOrCreate() throws SQLException {
    try (Connection c = connect("cfx_query", QUERY_PASSWORD); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("delete from raw_message")).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(() -> s.execute("create table probe (i int)")).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
  }

  /** the heredoc's statements with psql's :'var' (literal) and :"var" (identifier) substituted. */
  private static List<String> statements(Map<String, String> variables) throws IOException {
    String script = Files.readString(Deployment.DIRECTORY.resolve("timescaledb/initdb/10-cfx-roles.sh"));
    Matcher heredoc = HEREDOC.matcher(script);
    assertThat(heredoc.find()).as("the script feeds psql a <<'SQL' heredoc").isTrue();
    Matcher m = VARIABLE.matcher(heredoc.group(1));
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(2));
      assertThat(value).as("psql variable " + m.group(2) + " is one the script sets with -v").isNotNull();
      String quote = m.group(1);
      m.appendReplacement(sql, Matcher.quoteReplacement(quote + value.replace(quote, quote + quote) + quote));
    }
    m.appendTail(sql);
    List<String> out = new ArrayList<>();
    for (String statement : sql.toString().split(";\\s*\\n?")) {
      if (!statement.isBlank()) {
        out.add(statement.strip());
      }
    }
    return out;
  }

  private static Connection connect(String user, String password) throws SQLException {
    return DriverManager.getConnection(urlWithoutUser(), user == null ? adminUser() : user, password);
  }

  private static String adminUser() {
    if (admin != null) {
      return admin;
    }
    Matcher m = Pattern.compile("[?&]user=([^&]+)").matcher(db.url());
    return m.find() ? m.group(1) : "postgres";
  }

  private static String database() {
    String base = db.url().replaceFirst("\\?.*$", "");
    return base.substring(base.lastIndexOf('/') + 1);
  }

  /** the test database's URL without user/password parameters, which would override ours. */
  private static String urlWithoutUser() {
    return db.url().replaceAll("([?&])(user|password)=[^&]*&?", "$1").replaceFirst("[?&]$", "");
  }
}
