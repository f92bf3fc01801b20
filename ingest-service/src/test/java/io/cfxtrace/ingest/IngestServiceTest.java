package io.cfxtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.ingest.testing.IngestServices;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** the ingest service as deployed: configuration, listener, store, health and metrics. */
@Timeout(90)
class IngestServiceTest {

  private static TestDatabase db;
  private static ApplicationContext service;
  private static CfxEndpoint machine;
  @TempDir static Path spool;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    service = IngestServices.withListener(db.properties(), Map.of());
    machine = CfxEndpoint.start(EndpointIdentity.of("Line1.Oven", null), CfxEndpoint.Options.defaults());
  }

  @AfterAll
  static void stop() {
    if (machine != null) {
      machine.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private static int listenerPort() {
    return IngestServices.listenerPort(service);
  }

  private static String http(String path) throws Exception {
    int port = service.getBean(EmbeddedServer.class).getPort();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  @Test
  void envelopesPublishedToTheListenerAreStoredAndCounted() throws Exception {
    PublisherConfig config =
        new PublisherConfig("oven", AmqpUri.parse("amqp://127.0.0.1:" + listenerPort() + "/cfx"), "cfx", null, null, true, spool.resolve("p1"),
            SpoolOptions.defaults(), 16, Duration.ZERO, ReconnectPolicy.defaults());
    Publisher publisher = machine.publisher(config);
    List<CompletableFuture<Void>> acks =
        IntStream.range(0, 20)
            .mapToObj(i -> publisher.publish(CfxEnvelope.event("Line1.Oven", new UnitsArrived("BOARD-" + i, null, 1, List.of(), 1))).toCompletableFuture())
            .toList();
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from unit_event where event_type = 'arrived' and station = 'Line1.Oven'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(20);
    }
    assertThat(http("/prometheus")).startsWith("200").contains("cfx_ingest_envelopes_stored_total");
  }

  @Test
  void healthReportsTheDatabaseAndTheListener() throws Exception {
    String health = http("/health");

    assertThat(health).startsWith("200").contains("\"status\":\"UP\"").contains("listener.line");
  }
}
