package io.cfxtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** the write path against a real PostgreSQL (see TestDatabase for which). */
@Timeout(60)
class PipelineTest {

  private TestDatabase db;
  private IngestPipeline pipeline;

  @BeforeEach
  void start() {
    db = TestDatabase.migrated();
    pipeline =
        new IngestPipeline(
            db.dataSource(),
            new CfxNormalizer(),
            depth -> new IngestMetrics(new SimpleMeterRegistry(), depth),
            ZoneOffset.UTC,
            1000,
            100,
            Duration.ofMillis(5),
            Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    pipeline.close();
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static CfxEnvelope workStarted(String panel, String tx) {
    WorkStarted body =
        new WorkStarted(panel, null, tx, 1, 2,
            List.of(new BasicUnitPosition(panel, 1, "CIRCUIT1", 0.0, 0.0, null, 0.0, false, false, null),
                new BasicUnitPosition(panel, 2, "CIRCUIT2", 0.0, 0.0, null, 0.0, false, false, null)),
            "TOP", "1", null, null);
    return CfxEnvelope.event("Line1.Printer", body);
  }

  @Test
  void storedEnvelopeIsInTheRawLogWhenItsStoreCompletes() throws Exception {
    CfxEnvelope e = workStarted("PANEL-1", "tx-1");

    pipeline.store(TestMessages.of(e)).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(count("select count(*) from raw_message where message_name = 'CFX.Production.WorkStarted' and unique_id_text = '" + e.uniqueId() + "'")).isEqualTo(1);
  }

  @Test
  void sameUniqueIdTwiceIsStoredOnce() throws Exception {
    CfxEnvelope e = workStarted("PANEL-1", "tx-1");

    pipeline.store(TestMessages.of(e, e)).toCompletableFuture().get(20, TimeUnit.SECONDS);
    pipeline.store(TestMessages.of(e)).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(count("select count(*) from raw_message")).isEqualTo(1);
    assertThat(count("select count(*) from unit_event")).isEqualTo(2);
  }

  @Test
  void undecodablePayloadIsKeptAsADeadLetterWithItsReason() throws Exception {
    pipeline.store(TestMessages.json("{\"MessageName\":\"CFX.Production.UnitsArrived\",\"MessageBody\":{\"Lane\":\"left\"}}"))
        .toCompletableFuture().get(20, TimeUnit.SECONDS);

    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select kind, reason, length(payload) from dead_letter")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("BAD_VALUE");
      assertThat(rs.getString(2)).contains("$.MessageBody.Lane");
      assertThat(rs.getInt(3)).isPositive();
    }
  }

  @Test
  void panelPositionsAreKeyedProvisionallyUntilASerialIsNamed() throws Exception {
    pipeline.store(TestMessages.of(workStarted("PANEL-7", "tx-7"))).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(count("select count(*) from unit_event where unit_id in ('PANEL-7#1', 'PANEL-7#2') and event_type = 'work_started'")).isEqualTo(2);
    assertThat(count("select count(*) from transaction_unit where transaction_id = 'tx-7'")).isEqualTo(2);
  }
}
