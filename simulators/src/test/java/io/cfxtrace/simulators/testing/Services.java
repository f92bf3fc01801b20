package io.cfxtrace.simulators.testing;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.ingest.IngestApplication;
import io.cfxtrace.ingest.IngestEndpoint;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.simulators.demo.ServiceSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * a fresh event store with the real ingest service in front of it (its AMQP listener on a free
 * port), and on request the query service over the same store, for the record/replay tests.
 */
public final class Services implements AutoCloseable {

  private final TestDatabase db;
  private final ApplicationContext ingest;
  private EmbeddedServer query;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Services(TestDatabase db, ApplicationContext ingest) {
    this.db = db;
    this.ingest = ingest;
  }

  /** a new empty store and an ingest service writing it. */
  public static Services start() {
    TestDatabase db = TestDatabase.create();
    ApplicationContext ingest = IngestApplication.start(new String[0], ServiceSettings.ingest(store(db), "127.0.0.1", 0, -1));
    return new Services(db, ingest);
  }

  private static ServiceSettings.Store store(TestDatabase db) {
    return new ServiceSettings.Store(db.url(), db.user(), db.password());
  }

  /** the AMQP URI of the ingest listener, address {@code cfx}. */
  public AmqpUri listener() {
    int port = ingest.getBean(IngestEndpoint.class).listeners().get("demo").port();
    return AmqpUri.parse("amqp://127.0.0.1:" + port + "/cfx");
  }

  /** a publisher to a URI, with its spool in a directory, no heartbeat. */
  public static Publisher publisher(CfxEndpoint endpoint, AmqpUri uri, Path spool) throws IOException {
    return endpoint.publisher(new PublisherConfig("test", uri, uri.requireAddress(), null, null, true, spool,
        SpoolOptions.defaults().withFsync(SpoolOptions.Fsync.FSYNC_NONE), 16, Duration.ZERO, ReconnectPolicy.defaults()));
  }

  /** a connection to the store. */
  public Connection connect() throws SQLException {
    return db.connect();
  }

  /** the single number a query answers. */
  public long count(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** the rows a query answers, each as its columns' text joined by tabs. */
  public List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "\t" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  /**
   * starts the query service over the store with settings of its own (e.g. its interlock listener).
   *
   * @param settings added to the service's usual settings.
   * @return the running service.
   */
  public EmbeddedServer startQuery(java.util.Map<String, Object> settings) {
    if (query != null) {
      throw new IllegalStateException("the query service runs already");
    }
    java.util.Map<String, Object> p = new java.util.LinkedHashMap<>(ServiceSettings.query(store(db), -1));
    p.putAll(settings);
    query = ApplicationContext.run(EmbeddedServer.class, p);
    return query;
  }

  /** GET a path of the query service (started on first use) as JSON; the status and the body. */
  public HttpResponse<String> query(String path) {
    if (query == null) {
      query = ApplicationContext.run(EmbeddedServer.class, ServiceSettings.query(store(db), -1));
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(query.getURL() + path)).header("Accept", "application/json")
        .timeout(Duration.ofSeconds(20)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** an encoded path segment ({@code #} included). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    if (query != null) {
      query.close();
    }
    ingest.close();
  }
}
