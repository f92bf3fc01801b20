package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.UnitInfo;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * names units consistently across messages (CFX standard 5.6, Structures/UnitPosition).
 *
 * <p>CFX identifies a unit in two ways: by its own serial, or by the panel (carrier) id repeated
 * for every position, the board being (panel id, position number); per-unit results inside a
 * transaction may give only the position. This resolver keys a unit by its serial when known, else
 * provisionally as {@code <panel id>#<position>}, and records an alias as soon as any message
 * names the serial for that position, so that queries can join the provisional key to the serial:
 *
 * <ul>
 *   <li>a message listing a group identifier (PrimaryIdentifier) with distinct unit identifiers
 *       links panel to boards: alias {@code <panel>#<n>} to the serial, edge panel to board;
 *   <li>a message of a transaction naming a serial for a position that was keyed provisionally
 *       (WorkCompleted's late identification, UnitsInitialized at a laser marker, any per-unit
 *       result) does the same and re-keys the position for the rest of the transaction;
 *   <li>inside a transaction the position is authoritative; an identifier repeated for several
 *       positions of one message is a group identifier, not a unit.
 * </ul>
 *
 * <p>What a transaction's earlier messages taught is its {@link Tx}, kept by {@link
 * TransactionScopes} (the store's {@code transaction_scope}), so that every instance continues a
 * transaction from the same state and a transaction derived again gets the same rows. Aliases and
 * panel edges are written once per message that teaches them (with the message's transaction):
 * which message teaches one first depends on arrival, the set of them does not. The all-zero GUID,
 * which the SDK writes for an unset TransactionID, is no transaction.
 *
 * <p>Single-threaded (the writer thread).
 */
final class UnitResolver {

  /** what the SDK writes for an unset Guid. */
  static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** the units of one work transaction, as its messages in scope order taught them. */
  static final class Tx {
    final String id;
    @Nullable String panelId;
    /** position to unit key; sorted, so that transaction-level events come in position order. */
    final Map<Integer, String> byPosition = new TreeMap<>();
    /** keys of this transaction that are provisional ({@code <panel>#<n>}, {@code <tx>#<n>}). */
    final Set<String> provisional = new TreeSet<>();
    /** when each key was first used in this transaction: an alias of a provisional key holds from then. */
    final Map<String, Instant> since = new TreeMap<>();
    /** the transaction's stored messages (those normalised into this state). */
    final List<UUID> messages = new ArrayList<>();
    /** the last of them in scope order; null before the first. */
    StoredEnvelope.@Nullable Order last;

    Tx(String id) {
      this.id = id;
    }

    /** one more message of the transaction is normalised into this state. */
    void add(StoredEnvelope e) {
      messages.add(e.uniqueId());
      StoredEnvelope.Order o = e.order();
      if (last == null || o.compareTo(last) > 0) {
        last = o;
      }
    }

    /** the state as stored in {@code transaction_scope.state}. */
    JsonNode toJson(int version) {
      ObjectNode n = JSON.objectNode().put("version", version).put("panel", panelId);
      ObjectNode units = n.putObject("units");
      byPosition.forEach((p, k) -> units.put(Integer.toString(p), k));
      provisional.forEach(n.putArray("provisional")::add);
      ObjectNode first = n.putObject("since");
      since.forEach((k, t) -> first.put(k, t.toString()));
      messages.forEach(m -> n.withArray("messages").add(m.toString()));
      if (last != null) {
        n.putObject("last").put("time", last.time().toString()).put("rank", last.rank()).put("uniqueId", last.uniqueId().toString());
      }
      return n;
    }

    static Tx fromJson(String id, JsonNode n) {
      Tx t = new Tx(id);
      t.panelId = n.hasNonNull("panel") ? n.get("panel").asText() : null;
      n.path("units").fields().forEachRemaining(f -> t.byPosition.put(Integer.parseInt(f.getKey()), f.getValue().asText()));
      n.path("provisional").forEach(k -> t.provisional.add(k.asText()));
      n.path("since").fields().forEachRemaining(f -> t.since.put(f.getKey(), Instant.parse(f.getValue().asText())));
      n.path("messages").forEach(m -> t.messages.add(UUID.fromString(m.asText())));
      JsonNode last = n.get("last");
      if (last != null && last.isObject()) {
        t.last = new StoredEnvelope.Order(Instant.parse(last.get("time").asText()), last.get("rank").asInt(), UUID.fromString(last.get("uniqueId").asText()));
      }
      return t;
    }
  }

  /** where the resolver finds a transaction's state. */
  interface Transactions {
    /**
     * the state of a transaction.
     *
     * @param txId the transaction (not null, not unset).
     * @return its state, to be changed in place.
     * @throws SQLException when it must be read and cannot be.
     */
    Tx get(String txId) throws SQLException;
  }

  /** a unit named in a message: its key, and the position and panel it was named with. */
  record Unit(String key, @Nullable Integer position, @Nullable String panelId) {}

  /** how a per-unit result names its unit: UnitIdentifier and UnitPositionNumber. */
  record Named(@Nullable String identifier, @Nullable Integer position) {}

  private final Transactions transactions;

  /** aliases and panel edges the current message wrote: each once per message. */
  private final Set<String> writtenByMessage = new HashSet<>();

  UnitResolver(Transactions transactions) {
    this.transactions = transactions;
  }

  /** a new message: what it writes is counted afresh. */
  void startMessage() {
    writtenByMessage.clear();
  }

  /**
   * a transaction id as stored: null for a missing, blank or all-zero one.
   *
   * @param txId the TransactionID of a message.
   * @return the id, or null when the message is not part of a transaction.
   */
  static @Nullable String txId(@Nullable String txId) {
    if (txId == null) {
      return null;
    }
    String t = txId.trim();
    return t.isEmpty() || EMPTY_GUID.equals(t) || "{00000000-0000-0000-0000-000000000000}".equals(t) ? null : t;
  }

  /** the (id, position) of any UnitPosition implementation, or of an unknown subclass. */
  static Named raw(UnitPosition u) {
    if (u instanceof BasicUnitPosition b) {
      return new Named(blankToNull(b.unitIdentifier()), b.positionNumber());
    }
    if (u instanceof UnitInfo i) {
      return new Named(blankToNull(i.unitIdentifier()), i.positionNumber());
    }
    if (u instanceof UnknownStructure s) {
      return new Named(blankToNull(text(s.extensions().get("UnitIdentifier"))), integer(s.extensions().get("PositionNumber")));
    }
    return new Named(null, null);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static @Nullable String text(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static @Nullable Integer integer(@Nullable JsonNode n) {
    return n == null || !n.canConvertToInt() ? null : n.intValue();
  }

  /** the units of transactions known before V8, from {@code transaction_unit} (see {@link #load}). */
  static final String TX_QUERY =
      "select transaction_id, position, unit_id, panel_id, event_time from transaction_unit where transaction_id = any(?)"
          + " order by transaction_id, event_time, case when unit_id = coalesce(panel_id, transaction_id) || '#' || position then 0 else 1 end";

  /** adds one transaction_unit row (selected by {@link #TX_QUERY}) to what is known of a transaction. */
  static void load(Tx t, ResultSet rs) throws SQLException {
    int position = rs.getInt(2);
    String key = rs.getString(3);
    String panel = rs.getString(4);
    t.byPosition.put(position, key);
    t.since.putIfAbsent(key, rs.getTimestamp(5).toInstant());
    if (panel != null) {
      t.panelId = panel;
    }
    if (key.equals((panel != null ? panel : t.id) + "#" + position)) {
      t.provisional.add(key);
    }
  }

  /** the units of a transaction; null when the message is not part of one. */
  @Nullable Tx tx(@Nullable String rawTxId) throws SQLException {
    String txId = txId(rawTxId);
    return txId == null ? null : transactions.get(txId);
  }

  /**
   * the units a message lists with a group identifier (WorkStarted, WorkCompleted, UnitsArrived,
   * UnitsDeparted, UnitsInitialized, IdentifiersRead, UnitsDisqualified, UnitsLoaded...); records
   * aliases and panel edges, and with {@code register} the transaction's units by position.
   *
   * @param rawTxId the message's transaction, if any.
   * @param primaryId the group identifier (PrimaryIdentifier), if any.
   * @param listed the Units list, if any.
   * @param register whether the list defines the transaction's units (WorkStarted, WorkCompleted,
   *     UnitsInitialized inside a transaction).
   * @param e the envelope.
   * @param out the batch.
   * @return the units, in list order; when the list is empty, the transaction's known units, else
   *     the group identifier as one unit, else none.
   * @throws SQLException when a lookup fails.
   */
  List<Unit> units(
      @Nullable String rawTxId,
      @Nullable String primaryId,
      @Nullable List<UnitPosition> listed,
      boolean register,
      StoredEnvelope e,
      StoreBatch out)
      throws SQLException {
    Tx t = tx(rawTxId);
    String primary = blankToNull(primaryId);
    List<Named> raw = new ArrayList<>();
    if (listed != null) {
      for (UnitPosition u : listed) {
        if (u != null) {
          raw.add(raw(u));
        }
      }
    }
    List<Unit> result = new ArrayList<>();
    if (raw.isEmpty()) {
      if (t != null && !t.byPosition.isEmpty()) {
        t.byPosition.forEach((pos, key) -> result.add(new Unit(key, pos, t.panelId)));
      } else if (primary != null) {
        if (t != null && t.panelId == null) {
          t.panelId = primary; // later per-position results of the transaction key as <primary>#<n>
        }
        result.add(new Unit(primary, null, null));
      }
      return result;
    }
    String common = commonIdentifier(raw);
    boolean panelMode = common != null && distinctPositions(raw) > 1;
    String panel = panelMode ? common : primary;
    if (panel != null && !panelMode && allIdentifiersEqual(raw, panel)) {
      panel = null; // a single unit named by its own id: no group
    }
    if (t != null) {
      if (panel == null) {
        panel = t.panelId;
      } else if (t.panelId == null) {
        t.panelId = panel;
      }
    }
    for (Named u : raw) {
      Integer pos = u.position();
      String known = t != null && pos != null ? t.byPosition.get(pos) : null;
      String key;
      if (panelMode || u.identifier() == null) {
        if (known != null) {
          key = known;
        } else if (pos == null) {
          key = panel != null ? panel : t != null ? t.id + "#?" : "unknown";
        } else {
          key = (panel != null ? panel : t != null ? t.id : "unknown") + "#" + pos;
          if (t != null) {
            t.provisional.add(key);
            t.since.putIfAbsent(key, e.eventTime());
          }
        }
      } else {
        key = u.identifier();
        if (panel != null && !panel.equals(key) && pos != null) {
          alias(panel + "#" + pos, key, since(t, panel + "#" + pos, e), t, e, out);
          panelEdge(panel, key, pos, t, e, out);
        }
        if (known != null && !known.equals(key) && t.provisional.contains(known)) {
          alias(known, key, since(t, known, e), t, e, out);
          if (t.panelId != null && !t.panelId.equals(panel) && !t.panelId.equals(key)) {
            panelEdge(t.panelId, key, pos, t, e, out);
          }
        }
      }
      if (register && t != null && pos != null && !key.equals(t.byPosition.get(pos))) {
        t.byPosition.put(pos, key);
        t.since.putIfAbsent(key, e.eventTime());
        out.transactionUnits.add(t.id, pos, key, t.panelId, e.station(), e.eventTime(), e.uniqueId());
      }
      result.add(new Unit(key, pos, panel != null && !panel.equals(key) ? panel : null));
    }
    return result;
  }

  /**
   * the keys of the units named in the per-unit results of one message (UnitIdentifier plus
   * UnitPositionNumber: ProcessedUnit, InstalledMaterial, InspectedUnit, TestedUnit,
   * PersonalizedUnit, RepairedUnit, Reading...). Inside a transaction the position is
   * authoritative and the identifier may be the panel id or null; an identifier that the message
   * repeats for several positions is a group identifier.
   *
   * @param rawTxId the message's transaction, if any.
   * @param named how each result names its unit.
   * @param e the envelope.
   * @param out the batch.
   * @return one unit per entry of {@code named}, in order.
   * @throws SQLException when a lookup fails.
   */
  List<Unit> perUnit(@Nullable String rawTxId, List<Named> named, StoredEnvelope e, StoreBatch out) throws SQLException {
    Tx t = tx(rawTxId);
    Set<String> groups = repeatedIdentifiers(named);
    List<Unit> result = new ArrayList<>(named.size());
    for (Named n : named) {
      result.add(resolve(t, n.identifier() == null || n.identifier().isBlank() ? null : n.identifier(), n.position(), groups, e, out));
    }
    return result;
  }

  /**
   * the key of one unit named by a per-unit result; see {@link #perUnit}.
   *
   * @param rawTxId the message's transaction, if any.
   * @param unitIdentifier the UnitIdentifier, if any.
   * @param position the UnitPositionNumber, if any.
   * @param e the envelope.
   * @param out the batch.
   * @return the unit.
   * @throws SQLException when a lookup fails.
   */
  Unit unit(@Nullable String rawTxId, @Nullable String unitIdentifier, @Nullable Integer position, StoredEnvelope e, StoreBatch out)
      throws SQLException {
    return perUnit(rawTxId, List.of(new Named(unitIdentifier, position)), e, out).get(0);
  }

  private Unit resolve(@Nullable Tx t, @Nullable String id, @Nullable Integer pos, Set<String> groups, StoredEnvelope e, StoreBatch out) {
    if (t == null) {
      // no transaction: the identifier is all there is
      if (id != null && pos != null && groups.contains(id)) {
        return new Unit(id + "#" + pos, pos, id);
      }
      return new Unit(id != null ? id : "unknown", pos, null);
    }
    if (pos == null) {
      if (id != null) {
        return new Unit(id, null, null);
      }
      if (t.byPosition.size() == 1) {
        Map.Entry<Integer, String> only = t.byPosition.entrySet().iterator().next();
        return new Unit(only.getValue(), only.getKey(), t.panelId);
      }
      return new Unit(t.panelId != null ? t.panelId : t.id + "#?", null, null);
    }
    String known = t.byPosition.get(pos);
    boolean group = id != null && (id.equals(t.panelId) || groups.contains(id));
    if (id != null && !group && !id.equals(known)) {
      // the result names a serial for the position
      if (known == null || t.provisional.contains(known)) {
        String provisional = known != null ? known : t.panelId != null ? t.panelId + "#" + pos : null;
        if (provisional != null) {
          alias(provisional, id, since(t, provisional, e), t, e, out);
        }
        if (t.panelId != null) {
          panelEdge(t.panelId, id, pos, t, e, out);
        }
        register(t, pos, id, e, out);
        return new Unit(id, pos, t.panelId);
      }
      return new Unit(known, pos, t.panelId); // the position is authoritative
    }
    if (known != null) {
      return new Unit(known, pos, t.panelId);
    }
    String panel = id != null ? id : t.panelId;
    if (panel != null && t.panelId == null) {
      t.panelId = panel;
    }
    String key = (panel != null ? panel : t.id) + "#" + pos;
    t.provisional.add(key);
    register(t, pos, key, e, out);
    return new Unit(key, pos, panel);
  }

  private static void register(Tx t, int pos, String key, StoredEnvelope e, StoreBatch out) {
    if (!key.equals(t.byPosition.get(pos))) {
      t.byPosition.put(pos, key);
      t.since.putIfAbsent(key, e.eventTime());
      out.transactionUnits.add(t.id, pos, key, t.panelId, e.station(), e.eventTime(), e.uniqueId());
    }
  }

  /** every unit of a transaction (for transaction-level results), empty if none is known. */
  List<Unit> unitsOf(@Nullable String rawTxId) throws SQLException {
    Tx t = tx(rawTxId);
    List<Unit> out = new ArrayList<>();
    if (t != null) {
      t.byPosition.forEach((pos, key) -> out.add(new Unit(key, pos, t.panelId)));
    }
    return out;
  }

  /**
   * when an alias of a provisional key starts to hold: the key's first use in the transaction that
   * names the serial (its earlier events there are the unit's), else the naming message's time.
   */
  private static Instant since(@Nullable Tx t, String provisionalKey, StoredEnvelope e) {
    Instant first = t == null ? null : t.since.get(provisionalKey);
    return first != null && first.isBefore(e.eventTime()) ? first : e.eventTime();
  }

  /**
   * records that a provisional key names a unit from {@code validFrom} on (unit_alias, V4 window:
   * a reusable carrier's {@code <carrier>#<n>} names another board on its next trip).
   */
  private void alias(String alias, String unitId, Instant validFrom, @Nullable Tx t, StoredEnvelope e, StoreBatch out) {
    if (!alias.equals(unitId) && writtenByMessage.add("alias\u0000" + alias + '\u0000' + unitId)) {
      out.unitAliases.add(alias, unitId, e.eventTime(), e.uniqueId(), validFrom, t == null ? null : t.id);
    }
  }

  private void panelEdge(String panel, String board, @Nullable Integer pos, @Nullable Tx t, StoredEnvelope e, StoreBatch out) {
    if (!panel.equals(board) && writtenByMessage.add("edge\u0000" + panel + '\u0000' + board)) {
      out.unitEdges.add(panel, board, "panel", pos, null, e.station(), t == null ? null : t.id, e.eventTime(), e.uniqueId());
    }
  }

  /** the identifier every entry carries, when all carry the same one; else null. */
  private static @Nullable String commonIdentifier(List<Named> raw) {
    String first = raw.get(0).identifier();
    if (first == null) {
      return null;
    }
    for (Named n : raw) {
      if (!first.equals(n.identifier())) {
        return null;
      }
    }
    return first;
  }

  private static boolean allIdentifiersEqual(List<Named> raw, String id) {
    return raw.stream().allMatch(n -> id.equals(n.identifier()));
  }

  private static long distinctPositions(List<Named> raw) {
    return raw.stream().map(Named::position).filter(Objects::nonNull).distinct().count();
  }

  /** identifiers a message gives for two or more distinct positions: group (panel) identifiers. */
  private static Set<String> repeatedIdentifiers(List<Named> named) {
    Map<String, Set<Integer>> positions = new HashMap<>();
    for (Named n : named) {
      if (n.identifier() != null && n.position() != null) {
        positions.computeIfAbsent(n.identifier(), k -> new HashSet<>()).add(n.position());
      }
    }
    Set<String> groups = new HashSet<>();
    positions.forEach((id, p) -> {
      if (p.size() > 1) {
        groups.add(id);
      }
    });
    return groups;
  }
}
