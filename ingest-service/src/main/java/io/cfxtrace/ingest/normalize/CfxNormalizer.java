package io.cfxtrace.ingest.normalize;

import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.CfxMessage;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the CFX messages that carry traceability, turned into the per-unit tables (see
 * V1__event_store.sql), batch by batch.
 *
 * <p>Where a message lands is {@link Projections}: one table from each typed CFX message to the
 * projector method of its domain (unit flow, materials and setups, inspection and test, process
 * data, station state and operators) that writes its rows, or to "raw only" (kept in the raw log,
 * no derived rows). This class owns what is not about one message: the batch and its connection,
 * the work transactions as scopes ({@link TransactionScopes}: a transaction's messages normalised
 * in event order, derived again when one arrives before a stored one), the unit names they teach
 * ({@link UnitResolver}) and the material packages of the batch ({@link MaterialPackages}).
 */
public final class CfxNormalizer implements Normalizer {

  private static final Logger LOG = LoggerFactory.getLogger(CfxNormalizer.class);

  private final TransactionScopes scopes;
  private final UnitResolver units = new UnitResolver(this::scopeOf);
  private final MaterialPackages packages;
  /** where each message lands: the projector method of its type. */
  private final Projections projections;
  private @Nullable Connection connection;
  private boolean locking;
  /** the message being normalised (for a transaction the batch did not announce). */
  private @Nullable StoredEnvelope current;

  /** a normaliser assuming UTC for zone-less timestamps inside messages. */
  public CfxNormalizer() {
    this(ZoneOffset.UTC);
  }

  /**
   * a normaliser.
   *
   * @param zoneless the offset assumed for zone-less timestamps inside messages.
   */
  public CfxNormalizer(ZoneOffset zoneless) {
    this.packages = new MaterialPackages(zoneless);
    this.scopes = new TransactionScopes(zoneless);
    this.projections = new Projections(units, packages, zoneless);
  }

  @Override
  public void begin(Connection connection, boolean locking) {
    this.connection = connection;
    this.locking = locking;
  }

  @Override
  public void prepare(List<StoredEnvelope> batch) throws SQLException {
    Map<String, List<StoredEnvelope>> byTransaction = new LinkedHashMap<>();
    for (StoredEnvelope e : batch) {
      String tx = UnitResolver.txId(transactionIdOf(e.envelope().messageBody()));
      if (tx != null) {
        byTransaction.computeIfAbsent(tx, k -> new ArrayList<>()).add(e);
      }
    }
    byTransaction.values().forEach(l -> l.sort(StoredEnvelope.SCOPE_ORDER));
    scopes.open(requireConnection(), locking, byTransaction);
  }

  @Override
  public void complete(StoreBatch out) throws SQLException {
    for (TransactionScopes.Scope s : scopes.scopes()) {
      for (StoredEnvelope r : scopes.replayBefore(s, null)) {
        replay(s, r, out);
      }
    }
    scopes.complete(out);
    packages.complete();
  }

  private Connection requireConnection() {
    if (connection == null) {
      throw new IllegalStateException("the normaliser was not given the batch's connection (begin)");
    }
    return connection;
  }

  /** the state of a transaction for the resolver: the batch's scope, or one read for it alone. */
  private UnitResolver.Tx scopeOf(String txId) throws SQLException {
    TransactionScopes.Scope s = scopes.get(txId);
    if (s == null) {
      s = scopes.single(requireConnection(), locking, Objects.requireNonNull(current, "no message being normalised"), txId);
    }
    return s.tx;
  }

  /**
   * a message's TransactionID, for the prefetch only: read through the record component that
   * messages with a TransactionID have, so that a message type added later is covered too (one that
   * is not is still looked up, one query at a time).
   */
  private static final ClassValue<@Nullable Method> TRANSACTION_ID =
      new ClassValue<>() {
        @Override
        protected @Nullable Method computeValue(Class<?> type) {
          if (!type.isRecord()) {
            return null;
          }
          for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals("transactionId") && c.getType() == String.class) {
              return c.getAccessor();
            }
          }
          return null;
        }
      };

  private static @Nullable String transactionIdOf(@Nullable CfxMessage m) {
    Method accessor = m == null ? null : TRANSACTION_ID.get(m.getClass());
    if (accessor == null) {
      return null;
    }
    try {
      return (String) accessor.invoke(m);
    } catch (ReflectiveOperationException e) {
      return null; // a hint only: the transaction is looked up when it is needed
    }
  }

  @Override
  public void rollback() {
    scopes.rollback();
    packages.complete();
  }

  @Override
  public void commit() {
    scopes.commit();
  }

  /**
   * normalises a message; a message of a transaction derived again comes after the transaction's
   * stored messages that sort before it (see {@link TransactionScopes}).
   */
  @Override
  public void normalize(StoredEnvelope e, StoreBatch out) throws SQLException {
    String tx = UnitResolver.txId(transactionIdOf(e.envelope().messageBody()));
    TransactionScopes.Scope s = tx == null ? null : scopes.get(tx);
    if (s != null) {
      for (StoredEnvelope r : scopes.replayBefore(s, e)) {
        replay(s, r, out);
      }
    }
    current = e;
    try {
      units.startMessage();
      projections.project(e, out);
    } finally {
      try {
        // the message is one of its transaction's, whether or not its rows could be made
        // (a TransactionID the store cannot key names no transaction: the message was refused)
        if (tx != null && (s != null || TransactionScopes.storable(tx))) {
          scopeOf(tx).add(e);
        }
      } finally {
        current = null;
      }
    }
  }

  /**
   * a stored message of a transaction derived again: its rows once more; a failure was recorded
   * as a dead letter when it was stored, and is not recorded twice.
   */
  private void replay(TransactionScopes.Scope s, StoredEnvelope r, StoreBatch out) throws SQLException {
    current = r;
    StoreBatch.Mark before = out.mark();
    try {
      units.startMessage();
      projections.project(r, out);
    } catch (RuntimeException failed) {
      // none of its rows, as when it was stored (the pipeline drops a failed envelope's rows)
      out.reset(before);
      LOG.debug("normalising the stored {} {} again failed, as it did when it was stored: {}", r.envelope().messageName(), r.uniqueId(), failed.toString());
    } finally {
      current = null;
      s.tx.add(r);
    }
  }
}
