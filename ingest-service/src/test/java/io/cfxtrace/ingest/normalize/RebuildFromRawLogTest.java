package io.cfxtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.rebuild.Rebuild;
import io.cfxtrace.ingest.testing.StoreFingerprint;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./cfx rebuild} (issue #12 item 4): the derived tables rebuilt from the raw log equal live
 * ingest of the same envelopes, an interrupted rebuild resumes to the same tables, and a dead
 * letter that decodes now becomes a stored, normalised envelope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class RebuildFromRawLogTest {

  private static final List<CfxEnvelope> LINE = List.copyOf(SmtLine.envelopes());
  private static final CfxCodec CODEC = new CfxCodec();

  private Map<String, String> live;

  @BeforeAll
  void ingestTheLineLive() throws Exception {
    live = StoreFingerprint.of(ingest(LINE));
  }

  @Test
  void rebuildOfAStoreFilledOutOfOrderEqualsLiveIngestInOrder() throws Exception {
    List<CfxEnvelope> shuffled = new ArrayList<>(LINE);
    Collections.shuffle(shuffled, new Random(7));
    TestDatabase db = ingest(shuffled);

    Rebuild.Result r = new Rebuild(db.dataSource(), ZoneOffset.UTC, 5).run(quiet(), false);

    assertThat(r.envelopes()).isEqualTo(LINE.size());
    assertThat(r.resumed()).isFalse();
    assertThat(StoreFingerprint.of(db)).isEqualTo(live);
  }

  @Test
  void rebuildRunTwiceGivesTheSameTables() throws Exception {
    TestDatabase db = ingest(LINE);
    Rebuild rebuild = new Rebuild(db.dataSource(), ZoneOffset.UTC, 7);
    rebuild.run(quiet(), false);
    rebuild.run(quiet(), false);

    assertThat(StoreFingerprint.of(db)).isEqualTo(live);
  }

  @Test
  void interruptedRebuildResumesAfterItsLastBatchAndEndsWithTheSameTables() throws Exception {
    TestDatabase db = ingest(LINE);
    Rebuild rebuild = new Rebuild(db.dataSource(), ZoneOffset.UTC, 4);
    AtomicLong reached = new AtomicLong();
    Rebuild.Progress interrupted = new Rebuild.Progress() {
      @Override
      public void start(long total, long done) {}

      @Override
      public void step(long done) {
        reached.set(done);
        if (done >= 12) {
          throw new IllegalStateException("interrupted after " + done);
        }
      }
    };
    assertThatThrownBy(() -> rebuild.run(interrupted, false)).hasMessageContaining("interrupted");

    long[] resumedAt = {-1};
    Rebuild.Result r = rebuild.run(new Rebuild.Progress() {
      @Override
      public void start(long total, long done) {
        resumedAt[0] = done;
      }

      @Override
      public void step(long done) {}
    }, false);

    assertThat(r.resumed()).isTrue();
    assertThat(resumedAt[0]).isEqualTo(reached.get());
    assertThat(r.envelopes()).isEqualTo(LINE.size());
    assertThat(StoreFingerprint.of(db)).isEqualTo(live);
  }

  @Test
  void deadLetterWhosePayloadDecodesNowIsStoredAndNormalised() throws Exception {
    // the last envelope of the line kept as a dead letter, as if an older codec had refused it
    List<CfxEnvelope> allButLast = LINE.subList(0, LINE.size() - 1);
    CfxEnvelope last = LINE.get(LINE.size() - 1);
    TestDatabase db = ingest(allButLast);
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "insert into dead_letter (received_at, dead_letter_id, channel, connection_id, remote_address, amqp_properties, batch_index, kind, reason, payload)"
            + " values (now(), ?, 'listener', 'c1', '127.0.0.1:1', '{}'::jsonb, 0, 'SCHEMA', 'refused by an older codec', ?)")) {
      ps.setObject(1, UUID.randomUUID());
      ps.setBytes(2, CODEC.encode(last));
      ps.executeUpdate();
    }

    Rebuild.Result r = new Rebuild(db.dataSource(), ZoneOffset.UTC, 10).run(quiet(), false);

    assertThat(r.deadLettersStored()).isEqualTo(1);
    assertThat(count(db, "select count(*) from dead_letter")).isZero();
    assertThat(StoreFingerprint.of(db)).isEqualTo(live);
  }

  // ---- helpers

  private static Rebuild.Progress quiet() {
    return new Rebuild.Progress() {
      @Override
      public void start(long total, long done) {}

      @Override
      public void step(long done) {}
    };
  }

  private static long count(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** a fresh store with the envelopes ingested live, one message each, handed over at once. */
  private static TestDatabase ingest(List<CfxEnvelope> envelopes) throws Exception {
    TestDatabase db = TestDatabase.migrated();
    IngestPipeline p = new IngestPipeline(db.dataSource(), new CfxNormalizer(), depth -> new IngestMetrics(new SimpleMeterRegistry(), depth),
        ZoneOffset.UTC, 1000, 9, Duration.ofMillis(1), Duration.ofMillis(200));
    try {
      List<CompletableFuture<Void>> stored = new ArrayList<>();
      for (CfxEnvelope e : envelopes) {
        stored.add(p.store(TestMessages.of(e)).toCompletableFuture());
      }
      CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    } finally {
      p.close();
    }
    return db;
  }

}
