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
import io.cfxtrace.ingest.testing.LargeInspection;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * large inspection results (issue #13) take the streaming path: received as bytes, decoded as a
 * stream on the writer thread one at a time, the raw text copied from the body as received, and
 * every measurement and defect stored, against the generator's counts.
 */
@Timeout(120)
class LargeMessageTest {

  private static final CfxCodec CODEC = new CfxCodec();
  private static TestDatabase db;
  private static ApplicationContext service;
  private static CfxEndpoint machine;
  @TempDir static Path spool;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    service = IngestServices.withListener(db.properties(), Map.of());
    machine = CfxEndpoint.start(EndpointIdentity.of("Line1.SPI.SPI01", null), CfxEndpoint.Options.defaults());
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

  @Test
  void largeInspectionResultsSentAtOnceAreStoredWholeWithTheirTextAsReceived() throws Exception {
    int port = IngestServices.listenerPort(service);
    Publisher publisher =
        machine.publisher(new PublisherConfig("spi", AmqpUri.parse("amqp://127.0.0.1:" + port + "/cfx"), "cfx", null, null, true, spool.resolve("spi"),
            SpoolOptions.defaults(), 16, Duration.ZERO, ReconnectPolicy.defaults()));
    List<LargeInspection> sent = new ArrayList<>();
    List<CfxEnvelope> envelopes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // 4 boards x 2,000 deposits: about 3.5 MB of JSON, over the 1 MiB decoded on the network thread
      LargeInspection li = LargeInspection.generate(UUID.randomUUID(), "PNL-BIG-" + i, 4, 2_000, 40 + i, i);
      assertThat(li.json().length).isGreaterThan(2 * 1024 * 1024);
      sent.add(li);
      envelopes.add(CODEC.decodeEnvelope(li.json()));
    }
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (CfxEnvelope e : envelopes) {
      acks.add(publisher.publish(e).toCompletableFuture());
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);

    try (Connection c = db.connect()) {
      for (int i = 0; i < sent.size(); i++) {
        UUID id = UUID.fromString(envelopes.get(i).uniqueId());
        assertThat(count(c, "select count(*) from measurement where unique_id = ?", id)).isEqualTo(sent.get(i).measurements());
        assertThat(count(c, "select count(*) from defect where unique_id = ?", id)).isEqualTo(sent.get(i).defects());
        assertThat(count(c, "select count(*) from unit_check where unique_id = ?", id)).isEqualTo(4);
        try (PreparedStatement ps = c.prepareStatement("select envelope::text from raw_message where unique_id = ?")) {
          ps.setObject(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            // what the machine put on the wire (its encoder's text), kept byte for byte
            assertThat(rs.getString(1)).isEqualTo(new String(CODEC.encode(envelopes.get(i)), StandardCharsets.UTF_8));
          }
        }
      }
      assertThat(count(c, "select count(*) from dead_letter", null)).isZero();
    }
  }

  private static long count(Connection c, String sql, UUID id) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (id != null) {
        ps.setObject(1, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
