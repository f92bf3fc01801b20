package io.cfxtrace.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * a fresh migrated event store ({@link TestDatabase}) filled through the real ingest path (an
 * {@link IngestPipeline} with the {@link CfxNormalizer}), and the query service running on a
 * random port against it, called over HTTP.
 */
final class QueryServiceFixture implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** the bearer token the service accepts in these tests. */
  static final String TOKEN = "test-token-7f3a";

  private final TestDatabase db;
  private final EmbeddedServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private QueryServiceFixture(TestDatabase db, EmbeddedServer server) {
    this.db = db;
    this.server = server;
  }

  /**
   * stores the envelopes, one message each in order, then starts the service.
   *
   * @param envelopes what the stations published.
   * @return the running fixture.
   */
  static QueryServiceFixture storing(List<CfxEnvelope> envelopes) {
    return storing(envelopes, Map.of());
  }

  /**
   * stores the envelopes, then starts the service with extra settings.
   *
   * @param envelopes what the stations published.
   * @param settings settings over {@link #properties}.
   * @return the running fixture.
   */
  static QueryServiceFixture storing(List<CfxEnvelope> envelopes, Map<String, Object> settings) {
    TestDatabase db = TestDatabase.migrated();
    store(db, envelopes);
    Map<String, Object> p = properties(db);
    p.putAll(settings);
    return new QueryServiceFixture(db, ApplicationContext.run(EmbeddedServer.class, p));
  }

  /**
   * starts the service on a store a test filled itself (rows written with SQL, for sizes the
   * ingest path would take minutes to reach).
   *
   * @param db the migrated, filled store.
   * @return the running fixture.
   */
  static QueryServiceFixture on(TestDatabase db) {
    return new QueryServiceFixture(db, ApplicationContext.run(EmbeddedServer.class, properties(db)));
  }

  /** stores envelopes through the real ingest path while the service runs (what the live feed sees). */
  void store(List<CfxEnvelope> envelopes) {
    store(db, envelopes);
  }

  private static void store(TestDatabase db, List<CfxEnvelope> envelopes) {
    try (IngestPipeline pipeline = new IngestPipeline(db.dataSource(), new CfxNormalizer(), depth -> new IngestMetrics(new SimpleMeterRegistry(), depth),
        ZoneOffset.UTC, 1000, 500, Duration.ofMillis(2), Duration.ofSeconds(1))) {
      for (CfxEnvelope e : envelopes) {
        pipeline.store(TestMessages.of(e)).toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("storing the line failed: " + e, e);
    }
  }

  /** the service's settings for a test database. */
  static Map<String, Object> properties(TestDatabase db) {
    Map<String, Object> p = new HashMap<>(db.properties());
    p.put("micronaut.server.port", -1);
    // the ingest service is on the test class path only to fill the store: keep it asleep
    p.put("cfx.ingest.enabled", false);
    p.put("flyway.enabled", false);
    p.put("flyway.datasources.default.enabled", false);
    p.put("cfx.query.auth.tokens", List.of(TOKEN));
    return p;
  }

  TestDatabase database() {
    return db;
  }

  ApplicationContext context() {
    return server.getApplicationContext();
  }

  /** the service's base URL, such as {@code http://localhost:41234}. */
  String url() {
    return server.getURL().toString();
  }

  HttpClient http() {
    return http;
  }

  /** an encoded path segment or query value ({@code #} and {@code +} included). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** GET a path of the service, with an Accept header and the test token. */
  HttpResponse<String> get(String pathAndQuery, String accept) {
    return send(HttpRequest.newBuilder(URI.create(server.getURL() + pathAndQuery)).header("Accept", accept)
        .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(20)).GET().build());
  }

  /** sends a request to the service as it is (no token added). */
  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET a path as JSON. */
  HttpResponse<String> get(String pathAndQuery) {
    return get(pathAndQuery, "application/json");
  }

  /** the JSON body of a response. */
  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
