package io.cfxtrace.simulators.demo;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.ingest.IngestApplication;
import io.cfxtrace.ingest.IngestEndpoint;
import io.cfxtrace.ingest.store.EmbeddedDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./cfx demo} in one JVM: the embedded PostgreSQL, the ingest service with an AMQP listener,
 * the query service, and a line feeding the listener.
 *
 * <p>One JVM rather than child processes: the fat jar already holds both services, a single
 * Ctrl-C stops them in order through one shutdown hook, and nothing is left running if the JVM
 * dies (the embedded PostgreSQL is a child process that zonky stops with it). The two services
 * run as separate Micronaut contexts with their own settings ({@link ServiceSettings}) over one
 * store: the ingest service writes it, the query service reads it with its read-only pool.
 *
 * <p>{@link #close()} stops the feed, then the ingest service (which finishes what it accepted),
 * then the query service, then the database; the data directory is kept for the next run.
 */
public final class Demo implements AutoCloseable {

  /**
   * where the demo runs.
   *
   * @param dataDirectory where the database and the line's state are kept between runs.
   * @param bindHost the interface the services listen on.
   * @param httpPort the query service (and web UI) port; 0 for a free one.
   * @param ingestHttpPort the ingest service's health and metrics port; 0 for a free one.
   * @param amqpPort the ingest listener's port; 0 for a free one.
   * @param databasePort the embedded PostgreSQL's port; 0 for a free one.
   * @param interlockPort the query service's interlock listener (issue #15), which the line's
   *     stations ask before they work; 0 for a free one.
   */
  public record Settings(Path dataDirectory, String bindHost, int httpPort, int ingestHttpPort, int amqpPort, int databasePort, int interlockPort) {

    /** checks the ports. */
    public Settings {
      Objects.requireNonNull(dataDirectory, "dataDirectory");
      Objects.requireNonNull(bindHost, "bindHost");
      for (int p : new int[] {httpPort, ingestHttpPort, amqpPort, databasePort, interlockPort}) {
        if (p < 0 || p > 65535) {
          throw new IllegalArgumentException("port " + p + " is outside 0..65535");
        }
      }
    }

    /**
     * settings with the interlock listener on a free port.
     *
     * @param dataDirectory where the database and the line's state are kept between runs.
     * @param bindHost the interface the services listen on.
     * @param httpPort the query service (and web UI) port; 0 for a free one.
     * @param ingestHttpPort the ingest service's health and metrics port; 0 for a free one.
     * @param amqpPort the ingest listener's port; 0 for a free one.
     * @param databasePort the embedded PostgreSQL's port; 0 for a free one.
     */
    public Settings(Path dataDirectory, String bindHost, int httpPort, int ingestHttpPort, int amqpPort, int databasePort) {
      this(dataDirectory, bindHost, httpPort, ingestHttpPort, amqpPort, databasePort, 0);
    }
  }

  /** the handle the query service's interlock listener answers at in the demo. */
  public static final String INTERLOCK_HANDLE = "CfxTrace.Interlocks";

  /** a port the demo needs is taken; the message names it and the option that moves it. */
  public static final class PortInUseException extends Exception {
    private static final long serialVersionUID = 1L;

    PortInUseException(String message) {
      super(message);
    }
  }

  private final Settings settings;
  private final LineFeed feed;
  private final String displayHost;
  private final String localHost;
  private @Nullable EmbeddedDatabase database;
  private @Nullable ApplicationContext ingest;
  private @Nullable EmbeddedServer query;
  private String jdbcUrl = "";
  private long unitsAtStart;
  private long boardsAtStart;
  private boolean closed;
  private Map<String, Long> finalCounts = Map.of();

  private Demo(Settings settings, LineFeed feed) {
    this.settings = settings;
    this.feed = feed;
    this.displayHost = settings.bindHost().equals("0.0.0.0") || settings.bindHost().equals("127.0.0.1") ? "localhost" : settings.bindHost();
    // where this JVM reaches its own services
    this.localHost = settings.bindHost().equals("0.0.0.0") ? "127.0.0.1" : settings.bindHost();
  }

  /**
   * starts everything: database, ingest service, query service, then the feed.
   *
   * @param settings where.
   * @param feed the traffic.
   * @param say receives one line per step, for the console.
   * @return the running demo.
   * @throws PortInUseException when a port is taken (checked before anything starts).
   * @throws Exception when a part cannot start; what had started is stopped again.
   */
  public static Demo start(Settings settings, LineFeed feed, java.util.function.Consumer<String> say) throws Exception {
    checkFree(settings.bindHost(), settings.httpPort(), "--http-port");
    checkFree(settings.bindHost(), settings.ingestHttpPort(), "--ingest-http-port");
    checkFree(settings.bindHost(), settings.amqpPort(), "--amqp-port");
    checkFree("127.0.0.1", settings.databasePort(), "--db-port");
    checkFree(settings.bindHost(), settings.interlockPort(), "--interlock-port");
    Demo demo = new Demo(settings, feed);
    try {
      demo.startAll(say);
      return demo;
    } catch (Exception | Error e) {
      demo.close();
      throw e;
    }
  }

  /** the port is free now (it could still be taken before the service binds it: then its start fails naming it). */
  static void checkFree(String host, int port, String option) throws PortInUseException {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new PortInUseException("port " + port + " is in use; pass " + option + " (" + e.getMessage() + ")");
    }
  }

  private void startAll(java.util.function.Consumer<String> say) throws Exception {
    Path pg = settings.dataDirectory().resolve("postgres");
    boolean first = !java.nio.file.Files.exists(pg.resolve("PG_VERSION"));
    say.accept((first ? "creating" : "starting") + " the embedded PostgreSQL 15 in " + pg + (first ? " (first run)" : ""));
    // stopped by close(), after the services: zonky's own shutdown hook would stop it while the
    // ingest service still commits what it accepted
    EmbeddedDatabase db = EmbeddedDatabase.start(pg, settings.databasePort(), true, false);
    database = db;
    jdbcUrl = db.jdbcUrl();
    ServiceSettings.Store store = new ServiceSettings.Store(db.jdbcUrl(), "postgres", "");

    Map<String, Object> ingestProps = ServiceSettings.ingest(store, settings.bindHost(), settings.amqpPort(), port(settings.ingestHttpPort()));
    ingestProps.put("micronaut.server.host", settings.bindHost());
    ApplicationContext ingestContext = IngestApplication.start(new String[0], ingestProps);
    ingest = ingestContext;
    int amqp = ingestContext.getBean(IngestEndpoint.class).listeners().get("demo").port();
    int ingestHttp = ingestContext.getBean(EmbeddedServer.class).getPort();
    say.accept("ingest service: machines publish to amqp://" + displayHost + ":" + amqp + "/<any address>; health at http://" + displayHost
        + ":" + ingestHttp + "/health, metrics at /prometheus");

    Map<String, Object> queryProps = ServiceSettings.query(store, port(settings.httpPort()));
    queryProps.put("micronaut.server.host", settings.bindHost());
    // issue #15: the query service answers the line's questions at a CFX listener of its own,
    // with the rules kept (and editable) in the data directory
    Path rules = settings.dataDirectory().resolve("interlock-rules.yaml");
    if (!java.nio.file.Files.exists(rules)) {
      try (java.io.InputStream in = Demo.class.getResourceAsStream("interlock-rules.yaml")) {
        java.nio.file.Files.copy(Objects.requireNonNull(in, "the demo's interlock-rules.yaml resource"), rules);
      }
    }
    queryProps.put("cfx.query.interlocks.enabled", true);
    queryProps.put("cfx.query.interlocks.handle", INTERLOCK_HANDLE);
    queryProps.put("cfx.query.interlocks.host", settings.bindHost());
    queryProps.put("cfx.query.interlocks.port", settings.interlockPort());
    queryProps.put("cfx.query.interlocks.rules", rules.toString());
    query = startQuery(queryProps);
    say.accept("query service: " + uiAddress() + "api/units/{serial}, where-used, timelines");
    int interlockPort = query.getApplicationContext().getBean(io.cfxtrace.query.interlock.InterlockService.class).port();
    AmqpUri interlocks = AmqpUri.parse("amqp://" + localHost + ":" + interlockPort);
    say.accept("interlocks: machines ask " + INTERLOCK_HANDLE + " at amqp://" + displayHost + ":" + interlockPort + " before they work (rules "
        + rules + "; holds at " + uiAddress() + "ui/holds.html)");

    unitsAtStart = count("select count(distinct unit_id) from unit_event where unit_id not like '%#%'");
    boardsAtStart = countFinished();
    if (!first) {
      say.accept("the store keeps the data of earlier runs: " + unitsAtStart + " units, " + boardsAtStart + " boards finished");
    }
    feed.start(AmqpUri.parse("amqp://" + localHost + ":" + amqp + "/cfx"), interlocks);
    say.accept("simulated " + feed.description());
  }

  /** Micronaut's "any free port" is -1. */
  private static int port(int port) {
    return port == 0 ? -1 : port;
  }

  /** starts the query service in the {@code demo} environment (authentication off). */
  private static EmbeddedServer startQuery(Map<String, Object> props) {
    return ApplicationContext.run(EmbeddedServer.class, props, "demo");
  }

  /**
   * the web UI's address.
   *
   * @return for example {@code http://localhost:8080/}.
   */
  public String uiAddress() {
    return "http://" + displayHost + ":" + Objects.requireNonNull(query, "not started").getPort() + "/";
  }

  /**
   * a unit's birth certificate URL.
   *
   * @param serial the serial.
   * @return the URL.
   */
  public String birthCertificateUrl(String serial) {
    return uiAddress() + "api/units/" + URLEncoder.encode(serial, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * a unit's birth certificate page in the web UI.
   *
   * @param serial the serial.
   * @return the URL.
   */
  public String unitPageUrl(String serial) {
    return uiAddress() + "ui/unit.html?id=" + URLEncoder.encode(serial, StandardCharsets.UTF_8);
  }

  /**
   * units in the store when the demo started (serials and panels; provisional keys left out).
   *
   * @return the count.
   */
  public long unitsAtStart() {
    return unitsAtStart;
  }

  /**
   * boards that had left the line's last station when the demo started.
   *
   * @return the count.
   */
  public long boardsAtStart() {
    return boardsAtStart;
  }

  /**
   * waits for a board that has left the line's last station, whose birth certificate the query
   * service answers: the most recent one in the store (so a second run answers at once).
   *
   * @param timeout how long to wait.
   * @return the board's serial.
   * @throws IllegalStateException naming the feed's problem, or the timeout.
   * @throws InterruptedException if interrupted.
   */
  public String awaitSampleSerial(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String lastProblem = null;
    while (System.nanoTime() < deadline) {
      try {
        String serial = latestFinished();
        if (serial != null) {
          URI local = URI.create("http://" + localHost + ":" + Objects.requireNonNull(query).getPort() + "/api/units/"
              + URLEncoder.encode(serial, StandardCharsets.UTF_8).replace("+", "%20"));
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
              .GET().build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            return serial;
          }
          lastProblem = "the query service answered " + r.statusCode() + " for " + serial + ": " + r.body();
        }
      } catch (SQLException | IOException e) {
        lastProblem = e.toString();
      }
      String feedProblem = feed.problem();
      if (feedProblem != null) {
        lastProblem = feedProblem;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new IllegalStateException("no board finished within " + timeout.toSeconds() + " s" + (lastProblem == null ? "" : ": " + lastProblem));
  }

  private @Nullable String latestFinished() throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(
            "select unit_id from unit_event where station = ? and event_type = 'departed' order by event_time desc limit 1")) {
      s.setString(1, feed.lastStation());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private long countFinished() throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("select count(distinct unit_id) from unit_event where station = ? and event_type = 'departed'")) {
      s.setString(1, feed.lastStation());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  /**
   * what the store held once the line and the ingest service had stopped, for the closing line.
   *
   * @return envelopes and units stored, or an empty map before {@link #close()} or if the store
   *     could not be read.
   */
  public Map<String, Long> finalCounts() {
    return finalCounts;
  }

  private Map<String, Long> countStore() {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      out.put("envelopes", count("select count(*) from raw_message"));
      out.put("units", count("select count(distinct unit_id) from unit_event where unit_id not like '%#%'"));
    } catch (SQLException e) {
      return Map.of();
    }
    return out;
  }

  /** stops the feed, the ingest service, the query service and the database, in that order. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = null;
    try {
      feed.close();
    } catch (RuntimeException e) {
      first = e;
    }
    if (ingest != null) {
      try {
        ingest.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (query != null) {
      try {
        query.getApplicationContext().close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (database != null) {
      finalCounts = countStore();
      database.close();
    }
    if (first != null) {
      throw first;
    }
  }
}
