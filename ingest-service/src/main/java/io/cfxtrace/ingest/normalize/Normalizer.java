package io.cfxtrace.ingest.normalize;

import io.cfxtrace.ingest.store.StoreBatch;
import java.sql.SQLException;

/**
 * turns one stored envelope into the rows of the per-unit tables. Runs on one thread (the
 * writer); a batch's envelopes come in {@link StoredEnvelope#SCOPE_ORDER}. Its lookups see the committed store, either inside the batch's
 * transaction or, when the batch is prepared while the previous one commits, on a connection of
 * their own; either way what batches not yet committed taught it is in its memory until {@link
 * #rollback} or {@link #commit}.
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
   * a batch starts; its lookups go to this connection (the batch's transaction, or one of their
   * own while the previous batch commits).
   *
   * @param connection the batch's connection.
   * @param locking true when {@code connection} is the batch's own transaction: the state the
   *     batch continues (a work transaction's) is locked as it is read, so that no other writer
   *     changes it before the batch commits; false when the batch is prepared ahead on another
   *     connection, to be checked when it commits.
   */
  default void begin(java.sql.Connection connection, boolean locking) {}

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

  /**
   * a batch failed and will be retried: forget state learnt from every batch not yet committed
   * (the one that failed and any prepared after it).
   */
  default void rollback() {}

  /** the oldest batch not yet committed committed: keep state learnt from it. */
  default void commit() {}
}
