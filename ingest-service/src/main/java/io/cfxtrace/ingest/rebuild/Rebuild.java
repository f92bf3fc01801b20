package io.cfxtrace.ingest.rebuild;

import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.normalize.Normalizer;
import io.cfxtrace.ingest.normalize.StoredEnvelope;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.store.StoreTime;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CfxDecodeException;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * derives every per-unit table again from {@code raw_message}: how better normalisation reaches
 * data stored years ago, and the proof that the derived tables are a function of the stored
 * envelopes (the same normaliser and write path as live ingest, fed in scope order).
 *
 * <ol>
 *   <li>A fresh rebuild first retries the dead letters whose payload now decodes (a codec that
 *       learnt an old SDK shape): each becomes a stored envelope ({@code raw_message}, {@code
 *       envelope_key}) and its dead letter goes; one whose envelope was stored since (a resend)
 *       goes too. Dead letters of envelopes the normaliser failed on are left: their envelope is in
 *       {@code raw_message} already and is rebuilt like any other.
 *   <li>It empties the derived tables and {@code transaction_scope}.
 *   <li>It reads {@code raw_message} in scope order (event time, WorkStarted first and
 *       WorkCompleted last, UniqueID) and writes batches as live ingest does, each in one
 *       transaction with its position in {@code rebuild_progress}.
 * </ol>
 *
 * <p>Resumable: an interrupted rebuild continues after the last committed batch (the position
 * commits with the rows). Idempotent: a finished rebuild run again starts afresh and gives the same
 * tables. Offline: run it with the ingest services stopped (their rows would be deleted by step 2
 * or written twice by step 3); the envelopes they would have stored wait in the brokers and the
 * machines' spools.
 */
public final class Rebuild {

  private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

  /** the per-unit tables a rebuild empties and fills again (everything derived from the raw log). */
  public static final List<String> DERIVED_TABLES =
      List.of(
          "unit_event", "unit_alias", "unit_edge", "transaction_unit", "material_setup", "material_event", "material_package", "unit_material",
          "unit_check", "measurement", "defect", "process_value", "unit_characteristic", "operator_session", "station_event");

  /** scope order in SQL: the same as {@link StoredEnvelope#SCOPE_ORDER}. */
  private static final String RANK =
      "(case message_name when 'CFX.Production.WorkStarted' then 0 when 'CFX.Production.WorkCompleted' then 2 else 1 end)";

  /** what a rebuild reports as it goes. */
  public interface Progress {
    /**
     * the rebuild of the tables starts or resumes.
     *
     * @param total envelopes in the raw log.
     * @param done envelopes already rebuilt (a resumed rebuild).
     */
    void start(long total, long done);

    /**
     * a batch committed.
     *
     * @param done envelopes rebuilt so far.
     */
    void step(long done);
  }

  /**
   * what a rebuild did.
   *
   * @param envelopes envelopes rebuilt, in this run and the interrupted ones it resumed.
   * @param deadLettersStored dead letters that decoded now and became stored envelopes.
   * @param resumed whether it continued an interrupted rebuild.
   * @param took how long this run took.
   */
  public record Result(long envelopes, long deadLettersStored, boolean resumed, Duration took) {}

  private final DataSource dataSource;
  private final ZoneOffset zoneless;
  private final int batchSize;
  private final CfxCodec codec = new CfxCodec();

  /**
   * a rebuild of a store.
   *
   * @param dataSource the event store, migrated.
   * @param zoneless the offset assumed for zone-less CFX times (as the ingest service's).
   * @param batchSize envelopes per transaction.
   */
  public Rebuild(DataSource dataSource, ZoneOffset zoneless, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.zoneless = Objects.requireNonNull(zoneless, "zoneless");
    this.batchSize = batchSize;
  }

  /**
   * rebuilds, or resumes an interrupted rebuild.
   *
   * @param progress told how far it is.
   * @param restart start afresh even when an interrupted rebuild could be resumed.
   * @return what it did.
   * @throws SQLException when the store fails; the rebuild can be resumed.
   */
  public Result run(Progress progress, boolean restart) throws SQLException {
    long started = System.nanoTime();
    Position from;
    boolean resumed;
    long done;
    long retried;
    try (Connection c = dataSource.getConnection()) {
      Position saved = restart ? null : saved(c);
      resumed = saved != null;
      if (saved == null) {
        retried = retryDeadLetters(c);
        begin(c, retried);
        from = Position.START;
        done = 0;
      } else {
        from = saved;
        done = saved.envelopes();
        retried = saved.retried();
      }
      progress.start(count(c), done);
    }
    done = rebuild(from, done, progress);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("update rebuild_progress set finished_at = now()");
    }
    return new Result(done, retried, resumed, Duration.ofNanos(System.nanoTime() - started));
  }

  /** where a rebuild stands: after the envelope (time, rank, id); null fields before the first. */
  private record Position(@Nullable Instant time, int rank, @Nullable UUID uniqueId, long envelopes, long retried) {
    static final Position START = new Position(null, 0, null, 0, 0);
  }

  private static @Nullable Position saved(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select event_time, rank, unique_id, envelopes, dead_letters_retried from rebuild_progress where finished_at is null")) {
      if (!rs.next()) {
        return null;
      }
      Timestamp t = rs.getTimestamp(1);
      return new Position(t == null ? null : t.toInstant(), rs.getInt(2), rs.getObject(3, UUID.class), rs.getLong(4), rs.getLong(5));
    }
  }

  /** empties the derived tables and records a rebuild from the start, in one transaction. */
  private static void begin(Connection c, long retried) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      // the normaliser's transaction states go with the rows they describe
      s.execute("truncate " + String.join(", ", DERIVED_TABLES) + ", transaction_scope");
      s.execute("delete from rebuild_progress");
      s.execute("insert into rebuild_progress (id, started_at, dead_letters_retried) values (1, now(), " + retried + ")");
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from raw_message")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** streams the raw log in scope order from {@code from} and writes it in batches. */
  private long rebuild(Position from, long done, Progress progress) throws SQLException {
    Normalizer normalizer = new CfxNormalizer(zoneless);
    try (Connection read = dataSource.getConnection()) {
      read.setAutoCommit(false); // a cursor: the raw log is not held in memory
      String after = from.time() == null ? "" : " where (event_time, " + RANK + ", unique_id) > (?, ?, ?)";
      try (PreparedStatement ps = read.prepareStatement("select unique_id, received_at, envelope::text, event_time, " + RANK + " as rank"
          + " from raw_message" + after + " order by event_time, rank, unique_id")) {
        if (from.time() != null) {
          ps.setTimestamp(1, Timestamp.from(from.time()));
          ps.setInt(2, from.rank());
          ps.setObject(3, from.uniqueId());
        }
        ps.setFetchSize(batchSize);
        try (ResultSet rs = ps.executeQuery()) {
          List<StoredEnvelope> batch = new ArrayList<>(batchSize);
          Position last = from;
          while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            Instant receivedAt = rs.getTimestamp(2).toInstant();
            last = new Position(rs.getTimestamp(4).toInstant(), rs.getInt(5), id, 0, 0);
            CfxEnvelope envelope = decode(id, rs.getString(3));
            if (envelope != null) {
              batch.add(new StoredEnvelope(id, envelope, StoredEnvelope.eventTimeOf(envelope, zoneless, receivedAt), receivedAt));
            }
            done++;
            if (batch.size() >= batchSize) {
              write(normalizer, batch, last, done);
              progress.step(done);
              batch.clear();
            }
          }
          if (!batch.isEmpty() || last != from) {
            write(normalizer, batch, last, done);
            progress.step(done);
          }
        }
      }
      read.commit();
    }
    return done;
  }

  private @Nullable CfxEnvelope decode(UUID id, String json) {
    try {
      return codec.decodeEnvelope(json.getBytes(StandardCharsets.UTF_8));
    } catch (CfxDecodeException e) {
      LOG.warn("stored envelope {} no longer decodes and is left out of the rebuild: {}", id, e.getMessage());
      return null;
    }
  }

  /** one batch in one transaction, with the position after it. */
  private void write(Normalizer normalizer, List<StoredEnvelope> batch, Position last, long done) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        StoreBatch rows = new StoreBatch();
        batch.sort(StoredEnvelope.SCOPE_ORDER);
        normalizer.begin(c, true);
        normalizer.prepare(batch);
        for (StoredEnvelope e : batch) {
          try {
            normalizer.normalize(e, rows);
          } catch (RuntimeException failed) {
            // live ingest recorded this as a dead letter when the envelope was stored; it stays
            LOG.debug("normalising {} {} failed again: {}", e.envelope().messageName(), e.uniqueId(), failed.toString());
          }
        }
        normalizer.complete(rows);
        rows.writeTo(c);
        try (PreparedStatement ps = c.prepareStatement("update rebuild_progress set event_time = ?, rank = ?, unique_id = ?, envelopes = ?")) {
          ps.setTimestamp(1, last.time() == null ? null : Timestamp.from(last.time()));
          ps.setInt(2, last.rank());
          ps.setObject(3, last.uniqueId());
          ps.setLong(4, done);
          ps.executeUpdate();
        }
        c.commit();
        normalizer.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        normalizer.rollback();
        throw e;
      }
    }
  }

  /**
   * stores the dead letters whose payload decodes now; returns how many became stored envelopes.
   * Each in its own transaction: a dead letter that fails again stays as it is.
   */
  private long retryDeadLetters(Connection c) throws SQLException {
    List<Object[]> candidates = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select dead_letter_id, received_at, batch_index, payload from dead_letter"
            + " where kind is distinct from 'NORMALIZATION' order by received_at, dead_letter_id")) {
      while (rs.next()) {
        candidates.add(new Object[] {rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getBytes(4)});
      }
    }
    long stored = 0;
    for (Object[] d : candidates) {
      DecodeOutcome.Decoded decoded = decodedAt((byte[]) d[3], (Integer) d[2]);
      if (decoded != null) {
        stored += store(c, (UUID) d[0], (Instant) d[1], decoded) ? 1 : 0;
      }
    }
    if (!candidates.isEmpty()) {
      LOG.info("{} of {} dead letters decode now and are stored envelopes", stored, candidates.size());
    }
    return stored;
  }

  /** the envelope a dead letter stands for, when its payload decodes now. */
  private DecodeOutcome.@Nullable Decoded decodedAt(byte[] payload, int index) {
    List<DecodeOutcome> outcomes = codec.decode(payload);
    DecodeOutcome o = outcomes.size() == 1 ? outcomes.get(0) : index >= 0 && index < outcomes.size() ? outcomes.get(index) : null;
    return o instanceof DecodeOutcome.Decoded d ? d : null;
  }

  /** moves one dead letter into the raw log; false when its envelope was stored already (it goes all the same). */
  private boolean store(Connection c, UUID deadLetterId, Instant receivedAt, DecodeOutcome.Decoded d) throws SQLException {
    CfxEnvelope e = d.envelope();
    UUID key = StoredEnvelope.keyOf(e.uniqueId(), d::json);
    c.setAutoCommit(false);
    try {
      boolean fresh;
      try (PreparedStatement ps = c.prepareStatement("insert into envelope_key (unique_id, received_at) values (?, ?) on conflict do nothing")) {
        ps.setObject(1, key);
        ps.setTimestamp(2, Timestamp.from(receivedAt));
        fresh = ps.executeUpdate() == 1;
      }
      if (fresh) {
        try (PreparedStatement ps = c.prepareStatement(
            "insert into raw_message (received_at, unique_id, unique_id_text, message_name, typed, source, target, request_id, version, event_time,"
                + " event_time_text, channel, connection_id, remote_address, remote_container, sasl_user, amqp_address, amqp_properties,"
                + " batch_index, envelope)"
                + " select received_at, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, channel, connection_id, remote_address, remote_container, sasl_user,"
                + " amqp_address, amqp_properties, batch_index, ?::json from dead_letter where dead_letter_id = ?")) {
          ps.setObject(1, key);
          ps.setString(2, e.uniqueId());
          ps.setString(3, e.messageName());
          ps.setBoolean(4, d.typed());
          ps.setString(5, e.source());
          ps.setString(6, e.target());
          ps.setString(7, e.requestId());
          ps.setString(8, e.version());
          ps.setTimestamp(9, Timestamp.from(StoreTime.of(StoredEnvelope.eventTimeOf(e, zoneless, receivedAt))));
          ps.setString(10, e.timeStamp() == null ? null : e.timeStamp().text());
          ps.setString(11, d.json());
          ps.setObject(12, deadLetterId);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("delete from dead_letter where dead_letter_id = ?")) {
        ps.setObject(1, deadLetterId);
        ps.executeUpdate();
      }
      c.commit();
      return fresh;
    } catch (SQLException ex) {
      c.rollback();
      LOG.warn("dead letter {} decodes now but could not be stored; it stays: {}", deadLetterId, ex.getMessage());
      return false;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
