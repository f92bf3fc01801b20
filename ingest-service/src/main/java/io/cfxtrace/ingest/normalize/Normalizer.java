package io.cfxtrace.ingest.normalize;

import io.cfxtrace.ingest.store.StoreBatch;
import java.sql.SQLException;

/**
 * turns one stored envelope into the rows of the per-unit tables. Runs on the writer thread,
 * inside the batch's transaction, in receive order.
 */
public interface Normalizer {

  /**
   * adds the rows of one envelope to the batch.
   *
   * @param envelope the envelope, first time stored.
   * @param out the batch.
   * @throws SQLException when a lookup of earlier state (a transaction's units) fails.
   */
  void normalize(StoredEnvelope envelope, StoreBatch out) throws SQLException;

  /**
   * a batch starts on this connection (for lookups inside its transaction).
   *
   * @param connection the batch's connection.
   */
  default void begin(java.sql.Connection connection) {}

  /**
   * the envelopes of the batch, before any is normalised, so that lookups the batch needs can be
   * made together; a caller that calls this must call {@link #complete} after the last {@link
   * #normalize} of the batch.
   *
   * @param batch the envelopes that will be normalised, in order.
   * @throws SQLException when a lookup fails.
   */
  default void prepare(java.util.List<StoredEnvelope> batch) throws SQLException {}

  /**
   * the batch's envelopes are normalised: settles what {@link #prepare} deferred to the end of the
   * batch (it may remove rows from {@code out}); the rows are complete only after this.
   *
   * @param out the batch.
   * @throws SQLException when a lookup fails.
   */
  default void complete(StoreBatch out) throws SQLException {}

  /** the batch failed and will be retried: forget state learnt from it. */
  default void rollback() {}

  /** the batch committed: keep state learnt from it. */
  default void commit() {}
}
