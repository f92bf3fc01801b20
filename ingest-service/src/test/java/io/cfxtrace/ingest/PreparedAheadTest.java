package io.cfxtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.value.EnumValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * the writer prepares a batch while the one before it commits; when that one fails, nothing of
 * what was prepared on its account survives. Each message here is its own batch, and the messages
 * are handed over together, so the second is prepared before the first has committed.
 */
@Timeout(60)
class PreparedAheadTest {

  private static final String STATION = "Line1.ICT";

  private TestDatabase db;
  private IngestPipeline pipeline;

  @BeforeEach
  void start() throws SQLException {
    db = TestDatabase.migrated();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("alter table unit_event add constraint refuse_test_unit check (unit_id <> 'REFUSED-BY-CHECK')");
    }
    pipeline =
        new IngestPipeline(db.dataSource(), new CfxNormalizer(), depth -> new IngestMetrics(new SimpleMeterRegistry(), depth), ZoneOffset.UTC,
            100, 1, Duration.ofMillis(1), Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    pipeline.close();
  }

  /**
   * a unit id the database refuses (a check constraint this test adds, SQLSTATE 23514): the
   * database fails the whole batch. (A NUL character, which this test used before, is refused by
   * the ingest itself now, for that envelope alone, before the database sees it.)
   */
  private static CfxEnvelope refusedByTheDatabase() {
    return CfxEnvelope.event(STATION, new UnitsArrived("REFUSED-BY-CHECK", null, 1, List.of(), 1));
  }

  private static CfxEnvelope panelModeWorkStarted(String panel, String tx) {
    return CfxEnvelope.event(STATION, new WorkStarted(panel, null, tx, 1, 2,
        List.of(new BasicUnitPosition(panel, 1, "CIRCUIT1", 0.0, 0.0, null, 0.0, false, false, null),
            new BasicUnitPosition(panel, 2, "CIRCUIT2", 0.0, 0.0, null, 0.0, false, false, null)),
        "TOP", "1", null, null));
  }

  private static CfxEnvelope tested(String tx, String serial, int position) {
    return CfxEnvelope.event(STATION, new UnitsTested(tx, EnumValue.of(TestMethod.ICT), null, null, null, null,
        List.of(new TestedUnit(serial, position, EnumValue.of(TestResult.PASSED), List.of()))));
  }

  /** hands every message over before waiting for any. */
  private void storeTogether(List<CfxEnvelope>... messages) throws Exception {
    List<CompletableFuture<Void>> stored = new ArrayList<>();
    for (List<CfxEnvelope> m : messages) {
      stored.add(pipeline.store(TestMessages.of(m.toArray(CfxEnvelope[]::new))).toCompletableFuture());
    }
    CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
  }

  private List<List<String>> rows(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  @Test
  void batchPreparedOnAFailedBatchsUnitsIsNormalisedAgainWithoutThem() throws Exception {
    // the first message opens the panel's transaction; the database refuses it as a whole, so
    // the transaction is unknown when the second names a serial for position 1: no alias of
    // PANEL-1#1 and no panel edge, which a second message prepared on the first would carry
    storeTogether(List.of(panelModeWorkStarted("PANEL-1", "tx-1"), refusedByTheDatabase()), List.of(tested("tx-1", "SN-1", 1)));

    assertThat(rows("select count(*) from dead_letter")).containsExactly(List.of("2"));
    assertThat(rows("select unit_id, panel_id, event_type from unit_event")).containsExactly(Arrays.asList("SN-1", null, "tested"));
    assertThat(rows("select transaction_id, position, unit_id from transaction_unit")).containsExactly(List.of("tx-1", "1", "SN-1"));
    assertThat(rows("select count(*) from unit_alias")).containsExactly(List.of("0"));
    assertThat(rows("select count(*) from unit_edge")).containsExactly(List.of("0"));
  }

  @Test
  void envelopeRepeatedAfterAFailedBatchIsStoredWhenTheFailedBatchIsDeadLettered() throws Exception {
    // prepared while the first message is in flight, the repeat counts as a duplicate of it; the
    // first becomes dead letters, so the repeat is the envelope's first stored copy
    CfxEnvelope arrived = CfxEnvelope.event(STATION, new UnitsArrived("SN-9", null, 1, List.of(), 1));
    storeTogether(List.of(arrived, refusedByTheDatabase()), List.of(arrived));

    assertThat(rows("select count(*) from dead_letter")).containsExactly(List.of("2"));
    assertThat(rows("select unique_id_text from raw_message")).containsExactly(List.of(arrived.uniqueId()));
    assertThat(rows("select unit_id, event_type from unit_event")).containsExactly(List.of("SN-9", "arrived"));
  }

  @Test
  void batchesPreparedAheadOfCommittedOnesAreStoredAsPrepared() throws Exception {
    storeTogether(List.of(panelModeWorkStarted("PANEL-2", "tx-2")), List.of(tested("tx-2", "SN-21", 1)), List.of(tested("tx-2", "SN-22", 2)));

    assertThat(rows("select alias, unit_id from unit_alias order by 1")).containsExactly(List.of("PANEL-2#1", "SN-21"), List.of("PANEL-2#2", "SN-22"));
    assertThat(rows("select count(*) from dead_letter")).containsExactly(List.of("0"));
  }
}
