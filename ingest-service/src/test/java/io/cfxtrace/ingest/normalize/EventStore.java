package io.cfxtrace.ingest.normalize;

import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.rebuild.Rebuild;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * the event store as the normaliser tests see it: one migrated database for a test class (see
 * {@link TestDatabase}), an {@link IngestPipeline} writing into it through a {@link CfxNormalizer},
 * and queries for assertions.
 *
 * <p>{@link #reset()} empties every table and gives the pipeline a new normaliser, so each test
 * starts from an empty store without paying for a new database. {@link #restartNormalizer()} only
 * replaces the normaliser, as a restarted service would (its transaction cache is gone, the rows
 * stay).
 */
final class EventStore implements AutoCloseable {

  /** the tables the normaliser writes, besides raw_message and dead_letter. */
  static final List<String> DERIVED_TABLES = Rebuild.DERIVED_TABLES;

  private final TestDatabase db;
  private final SwitchableNormalizer normalizer = new SwitchableNormalizer();
  private final IngestPipeline pipeline;
  private final Connection queries;

  private EventStore(TestDatabase db, int batchSize) {
    this.db = db;
    try {
      this.queries = db.connect();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the test database: " + e.getMessage(), e);
    }
    this.pipeline =
        new IngestPipeline(
            db.dataSource(),
            normalizer,
            depth -> new IngestMetrics(new SimpleMeterRegistry(), depth),
            ZoneOffset.UTC,
            1000,
            batchSize,
            Duration.ofMillis(2),
            Duration.ofSeconds(1));
  }

  /** a fresh migrated database with a running pipeline. */
  static EventStore open() {
    return new EventStore(TestDatabase.migrated(), 500);
  }

  /**
   * a fresh migrated database with a running pipeline writing at most {@code batchSize} messages
   * per transaction.
   */
  static EventStore open(int batchSize) {
    return new EventStore(TestDatabase.migrated(), batchSize);
  }

  /** empties every table and starts a new normaliser. */
  void reset() throws SQLException {
    // DELETE, not TRUNCATE: for a handful of rows it is an order of magnitude faster
    List<String> tables = new ArrayList<>(DERIVED_TABLES);
    tables.addAll(List.of("raw_message", "dead_letter", "envelope_key", "transaction_scope"));
    try (Statement s = queries.createStatement()) {
      s.execute(tables.stream().map(t -> "delete from " + t).collect(Collectors.joining("; ")));
    }
    restartNormalizer();
  }

  /** replaces the normaliser by a new one: what it kept in memory is gone, the store stays. */
  void restartNormalizer() {
    normalizer.delegate = new CfxNormalizer();
  }

  /** stores envelopes as one AMQP message (one batch, one database transaction) and waits. */
  void store(CfxEnvelope... envelopes) {
    store(TestMessages.of(envelopes));
  }

  /** stores envelopes one message each, in order, waiting for each. */
  void storeEach(List<CfxEnvelope> envelopes) {
    for (CfxEnvelope e : envelopes) {
      store(e);
    }
  }

  /**
   * stores envelopes one message each, in order, handing them all over before waiting, so that
   * the writer prepares each batch while the one before it commits.
   */
  void storeAllAtOnce(List<CfxEnvelope> envelopes) {
    List<CompletableFuture<Void>> stored = new ArrayList<>();
    for (CfxEnvelope e : envelopes) {
      stored.add(pipeline.store(TestMessages.of(e)).toCompletableFuture());
    }
    try {
      CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("storing failed: " + e, e);
    }
  }

  /** stores a message as the endpoint hands it over, and waits until it is committed. */
  void store(InboundMessage message) {
    try {
      pipeline.store(message).toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("storing failed: " + e, e);
    }
  }

  /** the single number a query returns. */
  long count(String sql, Object... params) throws SQLException {
    List<List<String>> rows = rows(sql, params);
    return Long.parseLong(rows.get(0).get(0));
  }

  /** the rows of a query, each as its column values in text form (SQL NULL as null). */
  List<List<String>> rows(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = queries.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        List<List<String>> out = new ArrayList<>();
        while (rs.next()) {
          List<String> row = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  /** the values of the first column of a query. */
  List<String> column(String sql, Object... params) throws SQLException {
    return rows(sql, params).stream().map(r -> r.get(0)).toList();
  }

  /**
   * derives the tables again from the stored raw messages, as {@code ./cfx rebuild} does (the
   * pipeline is idle between the {@link #store} calls that waited for their batches).
   */
  void rebuild() throws SQLException {
    Rebuild.Progress quiet = new Rebuild.Progress() {
      @Override
      public void start(long total, long done) {}

      @Override
      public void step(long done) {}
    };
    new Rebuild(db.dataSource(), ZoneOffset.UTC, 100).run(quiet, true);
  }

  /** how many rows each derived table holds. */
  Map<String, Long> derivedRowCounts() throws SQLException {
    String sql = DERIVED_TABLES.stream().map(t -> "(select count(*) from " + t + ")").collect(Collectors.joining(", ", "select ", ""));
    List<String> row = rows(sql).get(0);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < DERIVED_TABLES.size(); i++) {
      counts.put(DERIVED_TABLES.get(i), Long.parseLong(row.get(i)));
    }
    return counts;
  }

  @Override
  public void close() {
    pipeline.close();
    try {
      queries.close();
    } catch (SQLException e) {
      // the test is over; nothing depends on this connection any more
    }
  }

  /** a normaliser that can be replaced between batches; the writer thread reads it per call. */
  private static final class SwitchableNormalizer implements Normalizer {
    volatile Normalizer delegate = new CfxNormalizer();

    @Override
    public void normalize(StoredEnvelope envelope, StoreBatch out) throws SQLException {
      delegate.normalize(envelope, out);
    }

    @Override
    public void begin(Connection connection, boolean locking) {
      delegate.begin(connection, locking);
    }

    @Override
    public void prepare(java.util.List<StoredEnvelope> batch) throws SQLException {
      delegate.prepare(batch);
    }

    @Override
    public void complete(StoreBatch out) throws SQLException {
      delegate.complete(out);
    }

    @Override
    public void rollback() {
      delegate.rollback();
    }

    @Override
    public void commit() {
      delegate.commit();
    }
  }
}
