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

  /** the batch failed and will be retried: forget state learnt from it. */
  default void rollback() {}

  /** the batch committed: keep state learnt from it. */
  default void commit() {}
}
