package io.cfxtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.testing.StoreFingerprint;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * the derived tables are a function of the set of stored envelopes (issue #12): {@link SmtLine}'s
 * panel stored in event order, backwards, shuffled, in one batch, and through two and three
 * pipelines writing one store at once, gives the same rows in every table. Each variant gets a
 * database of its own; the one in event order is the reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ArrivalOrderTest {

  /** one set of envelopes (their UniqueIDs are drawn anew by every call of SmtLine.envelopes()). */
  private static final List<CfxEnvelope> LINE = List.copyOf(SmtLine.envelopes());

  private Map<String, String> reference;

  @BeforeAll
  void storeInEventOrder() throws Exception {
    reference = fingerprint(store(List.of(LINE), 1));
  }

  @Test
  void referenceHoldsTheWholeLine() {
    assertThat(reference.get("unit_material")).isNotEqualTo(fingerprintOfNothing());
  }

  @Test
  void backwardsGivesTheSameRows() throws Exception {
    List<CfxEnvelope> backwards = new ArrayList<>(LINE);
    Collections.reverse(backwards);
    assertThat(fingerprint(store(List.of(backwards), 1))).isEqualTo(reference);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shuffledGivesTheSameRows(long seed) throws Exception {
    List<CfxEnvelope> shuffled = new ArrayList<>(LINE);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(fingerprint(store(List.of(shuffled), 1))).as("seed %d", seed).isEqualTo(reference);
  }

  @Test
  void oneBatchShuffledGivesTheSameRows() throws Exception {
    List<CfxEnvelope> shuffled = new ArrayList<>(LINE);
    Collections.shuffle(shuffled, new Random(42));
    try (Variant v = new Variant(1)) {
      v.pipelines.get(0).store(TestMessages.of(shuffled.toArray(CfxEnvelope[]::new))).toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(fingerprint(v.db)).isEqualTo(reference);
    }
  }

  @ParameterizedTest(name = "{0} pipelines")
  @ValueSource(ints = {2, 3})
  void pipelinesWritingOneStoreAtOnceGiveTheSameRows(int pipelines) throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      List<CfxEnvelope> shuffled = new ArrayList<>(LINE);
      Random random = new Random(seed);
      Collections.shuffle(shuffled, random);
      List<List<CfxEnvelope>> shares = new ArrayList<>();
      for (int i = 0; i < pipelines; i++) {
        shares.add(new ArrayList<>());
      }
      for (CfxEnvelope e : shuffled) {
        shares.get(random.nextInt(pipelines)).add(e);
      }
      assertThat(fingerprint(store(shares, pipelines))).as("%d pipelines, seed %d", pipelines, seed).isEqualTo(reference);
    }
  }

  // ---- stores and fingerprints

  /** a database and pipelines writing into it, one message per envelope, all handed over at once. */
  private static TestDatabase store(List<List<CfxEnvelope>> shares, int pipelines) throws Exception {
    Variant v = new Variant(pipelines);
    try {
      List<CompletableFuture<Void>> stored = new ArrayList<>();
      for (int i = 0; i < shares.size(); i++) {
        IngestPipeline p = v.pipelines.get(i % pipelines);
        for (CfxEnvelope e : shares.get(i)) {
          stored.add(p.store(TestMessages.of(e)).toCompletableFuture());
        }
      }
      CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      return v.db;
    } finally {
      v.pipelines.forEach(IngestPipeline::close);
    }
  }

  private static final class Variant implements AutoCloseable {
    final TestDatabase db = TestDatabase.migrated();
    final List<IngestPipeline> pipelines = new ArrayList<>();

    Variant(int count) {
      for (int i = 0; i < count; i++) {
        pipelines.add(new IngestPipeline(db.dataSource(), new CfxNormalizer(), depth -> new IngestMetrics(new SimpleMeterRegistry(), depth),
            ZoneOffset.UTC, 1000, 7, Duration.ofMillis(1), Duration.ofMillis(200)));
      }
    }

    @Override
    public void close() {
      pipelines.forEach(IngestPipeline::close);
    }
  }

  private static Map<String, String> fingerprint(TestDatabase db) throws SQLException {
    return StoreFingerprint.of(db);
  }

  private static String fingerprintOfNothing() {
    return "0 rows -";
  }

  @AfterAll
  void nothingToClose() {
    // each variant's database is dropped with the test JVM (TestDatabase)
  }
}
