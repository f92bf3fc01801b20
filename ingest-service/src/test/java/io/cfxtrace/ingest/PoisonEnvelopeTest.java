package io.cfxtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.normalize.Normalizer;
import io.cfxtrace.ingest.normalize.StoredEnvelope;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * one poison envelope never stops the ingest (issue #13, items 2 and 3): whatever the database or
 * the store's own checks refuse in an envelope is kept as a dead letter with a reason naming the
 * field or quoting the database, the good envelopes around it are stored within seconds, and an
 * Error in the writer takes health down at once instead of leaving a zombie.
 */
@Timeout(120)
class PoisonEnvelopeTest {

  /** the good envelopes around a poison one must be stored well within this. */
  private static final Duration WITHIN = Duration.ofSeconds(15);

  private TestDatabase db;
  private IngestPipeline pipeline;

  @BeforeEach
  void store() {
    db = TestDatabase.migrated();
    pipeline = pipeline(new CfxNormalizer());
  }

  @AfterEach
  void close() {
    pipeline.close();
  }

  private IngestPipeline pipeline(Normalizer normalizer) {
    return new IngestPipeline(db.dataSource(), normalizer, depth -> new IngestMetrics(new SimpleMeterRegistry(), depth), ZoneOffset.UTC, 1000, 100,
        Duration.ofMillis(20), Duration.ofMillis(500));
  }

  private static CfxEnvelope arrived(String station, String serial) {
    return CfxEnvelope.event(station, new UnitsArrived(serial, null, 1,
        List.of(new BasicUnitPosition(serial, 1, null, null, null, null, null, null, null, null)), 1));
  }

  /** ten good envelopes from other stations, and the poison one in their middle, in one AMQP message each, handed over at once. */
  private List<CompletableFuture<Void>> storeAroundPoison(CfxEnvelope poison) {
    List<CompletableFuture<Void>> good = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      if (i == 5) {
        pipeline.store(TestMessages.of(poison));
      }
      good.add(pipeline.store(TestMessages.of(arrived("Line1.Station" + i, "SN-GOOD-" + i))).toCompletableFuture());
    }
    return good;
  }

  private void awaitStored(List<CompletableFuture<Void>> good) throws Exception {
    CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
  }

  private List<String> column(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private long count(String sql) throws SQLException {
    return Long.parseLong(column(sql).get(0));
  }

  @Test
  void serialOf3000CharactersIsADeadLetterNamingTheFieldAndTheTenOthersAreStored() throws Exception {
    String serial = "SN-" + "X".repeat(2997);
    awaitStored(storeAroundPoison(arrived("Line1.Scanner", serial)));

    assertThat(count("select count(*) from unit_event where unit_id like 'SN-GOOD-%'")).isEqualTo(10);
    assertThat(column("select kind || ': ' || reason from dead_letter"))
        .singleElement().asString().startsWith("NORMALIZATION: normalising failed: unit_event.unit_id is 3000 characters long, more than the 256");
    // the envelope itself is kept as received, and nothing of it is half stored
    assertThat(count("select count(*) from raw_message where source = 'Line1.Scanner'")).isOne();
    assertThat(count("select count(*) from unit_event where length(unit_id) > 256")).isZero();
  }

  @Test
  void nulInASerialIsADeadLetterSayingSo() throws Exception {
    awaitStored(storeAroundPoison(arrived("Line1.Scanner", "SN-\u0000-1")));

    assertThat(count("select count(*) from unit_event where unit_id like 'SN-GOOD-%'")).isEqualTo(10);
    assertThat(column("select reason from dead_letter")).singleElement().asString().contains("unit_event.unit_id holds a NUL character (U+0000) at index 3");
  }

  @Test
  void sourceOf3000CharactersKeepsTheWholeEnvelopeAsADeadLetter() throws Exception {
    awaitStored(storeAroundPoison(arrived("Line1." + "S".repeat(2994), "SN-1")));

    assertThat(count("select count(*) from raw_message")).isEqualTo(10);
    assertThat(column("select kind || ': ' || reason from dead_letter")).singleElement().asString()
        .startsWith("REFUSED_VALUE: raw_message.source is 3000 characters long");
    assertThat(count("select count(*) from dead_letter where convert_from(payload, 'UTF8') like '%SN-1%'")).isOne();
  }

  @Test
  void transactionIdOf3000CharactersIsADeadLetterNamingTheTransactionId() throws Exception {
    String tx = "T".repeat(3000);
    WorkStarted start = new WorkStarted("PANEL-P", null, tx, 1, 1, List.of(new BasicUnitPosition("SN-P1", 1, null, null, null, null, null, null, null, null)),
        null, null, null, null);
    awaitStored(storeAroundPoison(CfxEnvelope.event("Line1.Placer", start)));

    assertThat(count("select count(*) from unit_event where unit_id like 'SN-GOOD-%'")).isEqualTo(10);
    assertThat(column("select reason from dead_letter")).singleElement().asString().contains("TransactionID is 3000 characters long");
    assertThat(count("select count(*) from transaction_scope")).isZero();
  }

  @Test
  void anErrorTheDatabaseRepeatsForOneEnvelopeIsIsolatedWithTheDatabasesMessage() throws Exception {
    // a refusal of a class no rule names (P0001, raised by a trigger): before, retried forever
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("create function refuse_poison() returns trigger language plpgsql as $$ begin"
          + " if new.unit_id = 'SN-POISON' then raise exception 'unit SN-POISON is refused by a site rule'; end if; return new; end $$");
      s.execute("create trigger refuse_poison before insert on unit_event for each row execute function refuse_poison()");
    }
    awaitStored(storeAroundPoison(arrived("Line1.Scanner", "SN-POISON")));

    assertThat(count("select count(*) from unit_event where unit_id like 'SN-GOOD-%'")).isEqualTo(10);
    assertThat(column("select kind || ': ' || reason from dead_letter")).singleElement().asString()
        .startsWith("REFUSED_BY_DATABASE: the database refused this envelope: ")
        .contains("unit SN-POISON is refused by a site rule").contains("SQLSTATE P0001");
  }

  @Test
  void anErrorInTheWriterTakesHealthDownAtOnceAndSettlesNothingUncommitted() throws Exception {
    pipeline.close();
    AtomicReference<Throwable> fatal = new AtomicReference<>();
    CompletableFuture<Throwable> stopped = new CompletableFuture<>();
    CfxNormalizer real = new CfxNormalizer();
    pipeline = pipeline(new Normalizer() {
      @Override
      public void normalize(StoredEnvelope envelope, StoreBatch out) throws SQLException {
        if ("Line1.Oom".equals(envelope.station())) {
          throw new OutOfMemoryError("simulated: Java heap space");
        }
        real.normalize(envelope, out);
      }

      @Override
      public void begin(Connection connection, boolean locking) {
        real.begin(connection, locking);
      }

      @Override
      public void prepare(List<StoredEnvelope> batch) throws SQLException {
        real.prepare(batch);
      }

      @Override
      public void complete(StoreBatch out) throws SQLException {
        real.complete(out);
      }
    });
    pipeline.onFatal(t -> {
      fatal.set(t);
      stopped.complete(t);
    });

    CompletableFuture<Void> poisoned = pipeline.store(TestMessages.of(arrived("Line1.Oom", "SN-1"))).toCompletableFuture();

    assertThat(stopped.get(WITHIN.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(OutOfMemoryError.class);
    assertThat(pipeline.unhealthyReason()).contains("the ingest writer stopped").contains("OutOfMemoryError");
    assertThat(poisoned).isCompletedExceptionally();
    InboundMessage later = TestMessages.of(arrived("Line1.Station1", "SN-2"));
    assertThat(pipeline.store(later).toCompletableFuture()).isCompletedExceptionally();
    assertThat(count("select count(*) from raw_message")).isZero();
    assertThat(fatal.get()).hasMessageContaining("simulated");
  }
}
