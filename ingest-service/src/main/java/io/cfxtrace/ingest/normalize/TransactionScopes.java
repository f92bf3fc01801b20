package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.ingest.normalize.UnitResolver.Tx;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.store.StoreValues;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CfxDecodeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the work transactions of a batch as scopes (V8 {@code transaction_scope}): what the normaliser
 * knows of each after its stored messages in {@link StoredEnvelope#SCOPE_ORDER}, how a batch's
 * messages continue it, and when a transaction must be derived again.
 *
 * <p><b>Why a scope.</b> A message of a work transaction is normalised with what the transaction's
 * other messages say (WorkStarted names the units by position; MaterialsInstalled may give only the
 * panel id and the position). Its rows are a function of the transaction's messages <i>in event
 * order</i>, never of arrival order: when a batch brings a message that sorts after every stored
 * message of its transaction (the usual case), it continues from the stored state; when it sorts
 * before one, the transaction's rows are deleted and derived again from all of its messages, the
 * stored ones read back from {@code raw_message}.
 *
 * <p><b>Several writers.</b> The scope row is the meeting point of ingest instances. A batch
 * written on its own transaction (the {@code locking} mode) creates and locks its scope rows
 * before reading them ({@code select ... for update}), in transaction id order. A batch prepared
 * ahead reads them without a lock and claims them when it commits, on the condition that their
 * version is still the one it read ({@link StoreBatch#claimScope}); otherwise the batch is written
 * again in the locking mode. States written by batches not yet committed are kept here only to
 * prepare the next batch ahead, and are checked by that claim like anything read.
 *
 * <p>Single-threaded (the writer thread), like the normaliser that owns it.
 */
final class TransactionScopes {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(TransactionScopes.class);

  /** a transaction of the batch: its state, and the stored messages to normalise again. */
  static final class Scope {
    final String id;
    /** the version read; the batch writes {@code version + 1}. */
    final int version;
    Tx tx;
    /** the stored messages of the transaction, when it is derived again; in scope order. */
    final Deque<StoredEnvelope> replay = new ArrayDeque<>();
    boolean rederive;

    Scope(String id, int version, Tx tx) {
      this.id = id;
      this.version = version;
      this.tx = tx;
    }
  }

  /** a batch's messages sort before a stored message of a transaction written by a batch not committed yet. */
  static final class NotCommittedYet extends SQLException {
    private static final long serialVersionUID = 1L;

    NotCommittedYet(String tx) {
      super("transaction " + tx + " must be derived again from messages not committed yet; the batch waits for them", "40001");
    }
  }

  private final CfxCodec codec = new CfxCodec();
  private final ZoneOffset zoneless;
  private final Map<String, Scope> batch = new LinkedHashMap<>();
  /** scope states written by batches not committed yet, oldest batch first. */
  private final Deque<Map<String, JsonNode>> uncommitted = new ArrayDeque<>();

  TransactionScopes(ZoneOffset zoneless) {
    this.zoneless = zoneless;
  }

  /**
   * reads (and in the locking mode creates and locks) the scopes of a batch's transactions, and
   * decides which must be derived again.
   *
   * @param c the batch's connection.
   * @param locking whether {@code c} is the batch's own transaction (lock the rows) or a connection
   *     preparing the batch ahead (read only).
   * @param messages the batch's messages of each transaction, in scope order.
   * @throws SQLException when a lookup fails, or {@link NotCommittedYet}.
   */
  void open(Connection c, boolean locking, Map<String, List<StoredEnvelope>> announced) throws SQLException {
    batch.clear();
    // a TransactionID the store cannot key (too long, control characters) opens no scope: its
    // messages are refused one by one when they are normalised (see single)
    Map<String, List<StoredEnvelope>> messages = new LinkedHashMap<>(announced);
    messages.keySet().removeIf(id -> !storable(id));
    if (messages.isEmpty()) {
      return;
    }
    Map<String, JsonNode> states = new HashMap<>();
    Map<String, Integer> versions = new HashMap<>();
    List<String> ids = new ArrayList<>(new TreeSet<>(messages.keySet()));
    List<String> fromStore = new ArrayList<>();
    for (String id : ids) {
      JsonNode pending = uncommittedState(id);
      if (pending != null && !locking) {
        states.put(id, pending);
        versions.put(id, pending.path("version").asInt());
      } else {
        fromStore.add(id);
      }
    }
    if (!fromStore.isEmpty()) {
      if (locking) {
        try (PreparedStatement ps = c.prepareStatement(
            "insert into transaction_scope (transaction_id, version) select t, 0 from unnest(?::text[]) t order by t on conflict do nothing")) {
          ps.setArray(1, c.createArrayOf("text", fromStore.toArray()));
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("select transaction_id, version, state from transaction_scope where transaction_id = any(?)"
          + " order by transaction_id" + (locking ? " for update" : ""))) {
        ps.setArray(1, c.createArrayOf("text", fromStore.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            versions.put(rs.getString(1), rs.getInt(2));
            String state = rs.getString(3);
            if (state != null) {
              states.put(rs.getString(1), read(state));
            }
          }
        }
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      JsonNode state = states.get(id);
      Scope s = new Scope(id, versions.getOrDefault(id, 0), state == null ? new Tx(id) : Tx.fromJson(id, state));
      if (state == null) {
        unknown.add(id);
      }
      batch.put(id, s);
      StoredEnvelope first = messages.get(id).get(0);
      if (s.tx.last != null && first.order().compareTo(s.tx.last) < 0) {
        if (uncommittedState(id) != null) {
          throw new NotCommittedYet(id);
        }
        s.rederive = true;
        LOG.debug("transaction {}: a message at {} arrived after a later one ({}); its rows are derived again", id, first.eventTime(), s.tx.last.time());
      }
    }
    readTransactionUnits(c, unknown);
    replayStored(c);
  }

  /**
   * a transaction this store knew before V8 (no scope state) gets its units from {@code
   * transaction_unit}, as before: what the messages stored then taught.
   */
  private void readTransactionUnits(Connection c, List<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UnitResolver.TX_QUERY)) {
      ps.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UnitResolver.load(batch.get(rs.getString(1)).tx, rs);
        }
      }
    }
  }

  /** reads back the stored messages of the transactions derived again, and starts them from nothing. */
  private void replayStored(Connection c) throws SQLException {
    Map<UUID, Scope> owner = new HashMap<>();
    for (Scope s : batch.values()) {
      if (s.rederive) {
        s.tx.messages.forEach(id -> owner.put(id, s));
        s.tx = new Tx(s.id);
      }
    }
    if (owner.isEmpty()) {
      return;
    }
    Map<Scope, List<StoredEnvelope>> stored = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select unique_id, received_at, envelope::text from raw_message where unique_id = any(?)")) {
      ps.setArray(1, c.createArrayOf("uuid", owner.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          Instant receivedAt = rs.getTimestamp(2).toInstant();
          CfxEnvelope envelope;
          try {
            // the text's bytes as the server sent them, bound as they stream: a 30 MB inspection
            // result read back is never held as a string and a tree besides (issue #13)
            envelope = codec.decodeStreaming(rs.getBytes(3));
          } catch (CfxDecodeException e) {
            continue; // stored as received, but no longer decodable: nothing to derive from it
          }
          if (envelope == null) {
            continue; // the raw log holds one envelope per row, never a batch
          }
          Scope s = owner.get(id);
          stored.computeIfAbsent(s, k -> new ArrayList<>())
              .add(new StoredEnvelope(id, envelope, StoredEnvelope.eventTimeOf(envelope, zoneless, receivedAt), receivedAt));
        }
      }
    }
    stored.forEach((s, list) -> {
      list.sort(StoredEnvelope.SCOPE_ORDER);
      s.replay.addAll(list);
    });
  }

  /** the scope of a transaction of the batch, or null when the batch did not announce it. */
  @Nullable Scope get(String txId) {
    return batch.get(txId);
  }

  /**
   * a transaction the batch did not announce (a message type whose TransactionID the prefetch
   * cannot see): read on its own, without a replay (its messages are normalised as they come).
   */
  Scope single(Connection c, boolean locking, StoredEnvelope e, String txId) throws SQLException {
    StoreValues.checkKey("TransactionID", txId);
    Map<String, Scope> saved = new LinkedHashMap<>(batch);
    open(c, locking, Map.of(txId, List.of(e)));
    Scope s = batch.get(txId);
    s.rederive = false;
    s.replay.clear();
    saved.put(txId, s);
    batch.clear();
    batch.putAll(saved);
    return s;
  }

  /** the stored messages of a transaction derived again that sort before {@code e}, taken from its replay. */
  List<StoredEnvelope> replayBefore(Scope s, @Nullable StoredEnvelope e) {
    List<StoredEnvelope> out = new ArrayList<>();
    for (Iterator<StoredEnvelope> it = s.replay.iterator(); it.hasNext(); ) {
      StoredEnvelope r = it.next();
      if (e != null && StoredEnvelope.SCOPE_ORDER.compare(r, e) >= 0) {
        break;
      }
      out.add(r);
      it.remove();
    }
    return out;
  }

  /** every scope of the batch. */
  Collection<Scope> scopes() {
    return batch.values();
  }

  /**
   * the batch is normalised: its scope rows, and the transactions to derive again, go into the
   * batch's rows; the states are kept until the batch commits, to prepare the next one ahead.
   */
  void complete(StoreBatch out) {
    Map<String, JsonNode> written = new TreeMap<>();
    for (Scope s : batch.values()) {
      JsonNode state = s.tx.toJson(s.version + 1);
      out.claimScope(s.id, s.version + 1, state);
      if (s.rederive) {
        out.rederive(s.id);
      }
      written.put(s.id, state);
    }
    uncommitted.addLast(written);
    batch.clear();
  }

  /** the oldest batch not committed committed: its states are in the store now. */
  void commit() {
    uncommitted.pollFirst();
  }

  /** forget every state not committed. */
  void rollback() {
    uncommitted.clear();
    batch.clear();
  }

  private @Nullable JsonNode uncommittedState(String id) {
    for (Iterator<Map<String, JsonNode>> it = uncommitted.descendingIterator(); it.hasNext(); ) {
      JsonNode n = it.next().get(id);
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /** whether a TransactionID can key a scope (see {@link StoreValues#checkKey}). */
  static boolean storable(String txId) {
    try {
      StoreValues.checkKey("TransactionID", txId);
      return true;
    } catch (StoreValues.Refused refused) {
      return false;
    }
  }

  private static JsonNode read(String json) throws SQLException {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new SQLException("unreadable transaction_scope state: " + e.getMessage(), "XX000", e);
    }
  }
}
