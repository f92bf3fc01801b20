package io.cfxtrace.simulators.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.ingest.testing.Await;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.simulators.testing.RunningCli;
import io.cfxtrace.simulators.testing.Services;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cfx ingest} and {@code ./cfx query} started through the picocli command line in this
 * process, over one fresh store, configured by {@code -D} settings as a user would: an envelope a
 * machine publishes to the ingest listener is answered by the query API.
 */
@Timeout(180)
class ServiceCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration START = Duration.ofSeconds(90);
  private static final String TOKEN = "test-token-" + UUID.randomUUID();

  @TempDir static Path dir;
  private static RunningCli ingest;
  private static RunningCli query;
  private static int ingestHttp;
  private static int listener;
  private static int queryHttp;

  @BeforeAll
  static void startBothServices() throws IOException {
    TestDatabase db = TestDatabase.create();
    ingestHttp = freePort();
    listener = freePort();
    queryHttp = freePort();
    List<String> ingestArgs = new ArrayList<>(List.of("ingest", "-Dmicronaut.server.port=" + ingestHttp,
        "-Dcfx.ingest.listeners.line1.port=" + listener, "-Dcfx.ingest.listeners.line1.host=127.0.0.1"));
    ingestArgs.addAll(store(db));
    ingest = RunningCli.start(ingestArgs.toArray(String[]::new));
    // the query service only reads: the ingest service's migrations must have made the schema first
    awaitReady(ingest, ingestHttp);
    List<String> queryArgs = new ArrayList<>(List.of("query", "-Dmicronaut.server.port=" + queryHttp, "-Dcfx.query.auth.tokens=" + TOKEN));
    queryArgs.addAll(store(db));
    query = RunningCli.start(queryArgs.toArray(String[]::new));
    awaitReady(query, queryHttp);
  }

  @AfterAll
  static void stopBothServices() throws InterruptedException {
    if (query != null) {
      query.close();
    }
    if (ingest != null) {
      ingest.close();
    }
  }

  /** the store's settings as -D options; an external test server's URL carries its own user. */
  static List<String> store(TestDatabase db) {
    List<String> args = new ArrayList<>(List.of("-Ddatasources.default.url=" + db.url()));
    if (db.user() != null) {
      args.add("-Ddatasources.default.username=" + db.user());
    }
    if (db.password() != null) {
      args.add("-Ddatasources.default.password=" + db.password());
    }
    return args;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** waits until the command says it is ready and its /health answers; fails with its output if it ended. */
  static void awaitReady(RunningCli run, int httpPort) {
    Await.until("the service on port " + httpPort + " to be ready", START, () -> {
      if (run.finished().isPresent()) {
        throw new AssertionError("the command ended: " + run.output());
      }
      return run.output().contains("ready in") && get(httpPort, "/health", null).statusCode() == 200;
    });
  }

  static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
    return get(port, path, token, "application/json");
  }

  static HttpResponse<String> get(int port, String path, String token, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
        .header("Accept", accept);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bothServicesAnswerTheirHealthCheckOnTheConfiguredPorts() throws Exception {
    assertThat(get(ingestHttp, "/health", null).statusCode()).isEqualTo(200);
    assertThat(get(queryHttp, "/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void eachServiceSaysWhereItListens() {
    assertThat(ingest.output())
        .contains("cfx ingest: listener line1: machines publish to amqp://127.0.0.1:" + listener + "/<any address>")
        .contains("health at http://localhost:" + ingestHttp + "/health");
    assertThat(query.output()).contains("API at http://localhost:" + queryHttp + "/api/units/{serial}");
  }

  @Test
  void anEnvelopePublishedToTheIngestListenerIsAnsweredByTheQueryApi() throws Exception {
    String serial = "SN-CLI-" + UUID.randomUUID().toString().substring(0, 8);
    String machine = "Line1.Placer.PNP01";
    CfxEnvelope started = CfxEnvelope.event(machine, new WorkStarted(serial, null, UUID.randomUUID().toString(), 1, 1, List.of(), null, null, null,
        null));
    try (CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of(machine, null), CfxEndpoint.Options.defaults());
        Publisher publisher = Services.publisher(endpoint, AmqpUri.parse("amqp://127.0.0.1:" + listener + "/cfx"), dir.resolve("spool"))) {
      publisher.publish(started).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    Await.until("the birth certificate of " + serial, Duration.ofSeconds(30),
        () -> get(queryHttp, "/api/units/" + serial, TOKEN).statusCode() == 200);
    JsonNode certificate = JSON.readTree(get(queryHttp, "/api/units/" + serial, TOKEN).body());
    assertThat(certificate.path("unit").asText()).isEqualTo(serial);
    assertThat(certificate.path("route").get(0).path("station").asText()).isEqualTo(machine);
  }

  @Test
  void theQueryApiRefusesARequestWithoutTheConfiguredToken() throws Exception {
    assertThat(get(queryHttp, "/api/units/any", null).statusCode()).isEqualTo(401);
    assertThat(get(queryHttp, "/api/units/any", "not-" + TOKEN).statusCode()).isEqualTo(401);
  }

  @Test
  void theIngestServiceServesNoQueryApiAndTheQueryServiceNoMetrics() throws Exception {
    // both services' beans are in the jar: each context must keep the other's out
    assertThat(get(ingestHttp, "/api/units/any", TOKEN).statusCode()).isEqualTo(404);
    assertThat(get(queryHttp, "/prometheus", TOKEN, "text/plain").statusCode()).isEqualTo(404);
    assertThat(get(ingestHttp, "/prometheus", null, "text/plain").body()).contains("cfx_ingest_envelopes_received_total");
  }

  @Test
  void eachServiceReadsItsOwnApplicationYml() throws Exception {
    // the query service's file hides health details, the ingest service's shows them
    assertThat(JSON.readTree(get(queryHttp, "/health", null).body()).has("details")).isFalse();
    assertThat(JSON.readTree(get(ingestHttp, "/health", null).body()).path("details").has("amqp")).isTrue();
  }
}
