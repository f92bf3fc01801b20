package io.cfxtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.store.EmbeddedDatabase;
import io.cfxtrace.ingest.testing.IngestServices;
import io.cfxtrace.ingest.testing.Await;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.UnitsDeparted;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * the database stops mid-stream and comes back: nothing received is lost or stored twice, and
 * while it is down the stores do not complete (the senders wait). Runs on its own embedded
 * PostgreSQL, which the test can stop and start.
 */
@Timeout(240)
class DatabaseRestartTest {

  @TempDir Path dir;

  private static CfxEnvelope departed(int i) {
    return CfxEnvelope.event("Line1.Reflow", new UnitsDeparted("SN-" + i, null, 1, List.of(), 1));
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void databaseRestartedMidStreamLosesNothingAndStoresNothingTwice() throws Exception {
    int pgPort;
    try (ServerSocket s = new ServerSocket(0)) {
      pgPort = s.getLocalPort();
    }
    Path data = dir.resolve("pg");
    EmbeddedDatabase pg = EmbeddedDatabase.start(data, pgPort);
    ApplicationContext service =
        IngestServices.withListener(IngestApplication.embeddedDataSource(pg), Map.of("cfx.ingest.retry-max-delay", "500ms", "datasources.default.connection-timeout", 1000));
    CfxEndpoint machine = CfxEndpoint.start(EndpointIdentity.of("Line1.Reflow", null), CfxEndpoint.Options.defaults());
    try {
      int port = IngestServices.listenerPort(service);
      Publisher publisher =
          machine.publisher(
              new PublisherConfig("reflow", AmqpUri.parse("amqp://127.0.0.1:" + port + "/cfx"), "cfx", null, null, true, dir.resolve("spool"),
                  SpoolOptions.defaults(), 32, Duration.ZERO, new ReconnectPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), 2.0, 0.2)));
      List<CompletableFuture<Void>> before = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        before.add(publisher.publish(departed(i)).toCompletableFuture());
      }
      CompletableFuture.allOf(before.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      pg.close();
      List<CompletableFuture<Void>> during = new ArrayList<>();
      for (int i = 100; i < 200; i++) {
        during.add(publisher.publish(departed(i)).toCompletableFuture());
      }
      IngestPipeline pipeline = service.getBean(IngestPipeline.class);
      Await.until("the writer to report the database failure", Duration.ofSeconds(60), () -> pipeline.unhealthyReason() != null);
      assertThat(during).noneMatch(CompletableFuture::isDone);

      pg = EmbeddedDatabase.start(data, pgPort);
      CompletableFuture.allOf(during.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

      assertThat(count(pg.jdbcUrl(), "select count(*) from raw_message")).isEqualTo(200);
      assertThat(count(pg.jdbcUrl(), "select count(distinct unique_id) from raw_message")).isEqualTo(200);
      assertThat(pipeline.unhealthyReason()).isNull();
    } finally {
      machine.close();
      service.close();
      pg.close();
    }
  }
}
