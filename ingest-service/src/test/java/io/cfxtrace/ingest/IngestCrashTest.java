package io.cfxtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.ingest.testing.Await;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * the ingest service killed (SIGKILL) with messages received but not committed: after a restart
 * the machine's spool resends them, and each envelope is stored exactly once.
 */
@Timeout(240)
class IngestCrashTest {

  @TempDir Path dir;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Process startService(TestDatabase db, int amqpPort, int httpPort, String batchDelay, File log) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Ddatasources.default.url=" + db.url());
    cmd.add("-Ddatasources.default.username=" + (db.user() == null ? "" : db.user()));
    cmd.add("-Ddatasources.default.password=" + (db.password() == null ? "" : db.password()));
    cmd.add("-Dmicronaut.server.port=" + httpPort);
    cmd.add("-Dcfx.ingest.listeners.line.host=127.0.0.1");
    cmd.add("-Dcfx.ingest.listeners.line.port=" + amqpPort);
    cmd.add("-Dcfx.ingest.batch-delay=" + batchDelay);
    cmd.add("-Dcfx.ingest.batch-size=100000");
    cmd.add(IngestApplication.class.getName());
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
  }

  private static String http(int port, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private static double received(int httpPort) throws Exception {
    Matcher m = Pattern.compile("(?m)^cfx_ingest_envelopes_received_total\\S* ([0-9.Ee+]+)").matcher(http(httpPort, "/prometheus"));
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void serviceKilledBetweenReceiveAndCommitStoresEachEnvelopeExactlyOnceAfterRedelivery() throws Exception {
    TestDatabase db = TestDatabase.create();
    int amqpPort = freePort();
    int httpPort = freePort();
    File log = dir.resolve("service.log").toFile();
    int n = 50;
    // a batch delay far longer than the test: received messages wait in the queue, uncommitted
    Process first = startService(db, amqpPort, httpPort, "600s", log);
    CfxEndpoint machine = CfxEndpoint.start(EndpointIdentity.of("Line1.AOI", null), CfxEndpoint.Options.defaults());
    try {
      Await.until("the first service to answer /health", Duration.ofSeconds(90), () -> http(httpPort, "/health").contains("UP"));
      Publisher publisher =
          machine.publisher(
              new PublisherConfig("aoi", AmqpUri.parse("amqp://127.0.0.1:" + amqpPort + "/cfx"), "cfx", null, null, true, dir.resolve("spool"),
                  SpoolOptions.defaults(), n, Duration.ZERO, new ReconnectPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), 2.0, 0.2)));
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        acks.add(publisher.publish(CfxEnvelope.event("Line1.AOI", new UnitsArrived("SN-" + i, null, 1, List.of(), 1))).toCompletableFuture());
      }
      Await.until("the service to receive all " + n + " envelopes", Duration.ofSeconds(60), () -> received(httpPort) >= n);
      assertThat(count(db, "select count(*) from raw_message")).isZero();
      assertThat(acks).noneMatch(CompletableFuture::isDone);

      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      assertThat(count(db, "select count(*) from raw_message")).isZero();

      Process second = startService(db, amqpPort, httpPort, "20ms", log);
      try {
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        assertThat(count(db, "select count(*) from raw_message")).isEqualTo(n);
        assertThat(count(db, "select count(distinct unique_id) from raw_message")).isEqualTo(n);
        assertThat(count(db, "select count(*) from unit_event where event_type = 'arrived'")).isEqualTo(n);
      } finally {
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      machine.close();
      first.destroyForcibly();
    }
  }
}
