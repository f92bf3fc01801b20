package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.store.CopyBuffer;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.UnitInfo;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
 * <p>Aliases and panel edges are written once: the resolver remembers those it wrote or found in
 * the store (unit_alias has a primary key; a second COPY of the same pair would make the database
 * refuse the whole batch). The all-zero GUID, which the SDK writes for an unset TransactionID, is
 * no transaction.
 *
 * <p>Keeps the units of recent transactions in memory; older ones are read from {@code
 * transaction_unit}. Single-threaded (the writer thread); {@link #rollback} forgets everything
 * learnt since the last commit.
 */
final class UnitResolver {

  /** what the SDK writes for an unset Guid. */
  static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

  private static final int CACHE = 50_000;

  /** the units of one work transaction. */
  static final class Tx {
    final String id;
    @Nullable String panelId;
    /** position to unit key; sorted, so that transaction-level events come in position order. */
    final Map<Integer, String> byPosition = new TreeMap<>();
    /** keys of this transaction that are provisional ({@code <panel>#<n>}, {@code <tx>#<n>}). */
    final Set<String> provisional = new HashSet<>();
    /** when each key was first used in this transaction: an alias of a provisional key holds from then. */
    final Map<String, Instant> since = new HashMap<>();

    Tx(String id) {
      this.id = id;
    }
  }

  /** a unit named in a message: its key, and the position and panel it was named with. */
  record Unit(String key, @Nullable Integer position, @Nullable String panelId) {}

  /** how a per-unit result names its unit: UnitIdentifier and UnitPositionNumber. */
  record Named(@Nullable String identifier, @Nullable Integer position) {}

  private final Map<String, Tx> cache = lru(CACHE);
  private final Set<String> knownAliases = Collections.newSetFromMap(lru(CACHE));
  private final Set<String> knownPanelEdges = Collections.newSetFromMap(lru(CACHE));
  private @Nullable Connection connection;

  /**
   * a row written on the assumption that the store does not hold it yet, to be checked at the end
   * of the batch: one query for all of them instead of one per row.
   */
  private record Unchecked(Object[] row, String a, String b) {}

  /** whether existence checks wait for {@link #complete} (only when the caller promised to call it). */
  private boolean deferChecks;

  private final List<Unchecked> uncheckedAliases = new ArrayList<>();
  private final List<Unchecked> uncheckedPanelEdges = new ArrayList<>();

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  void begin(Connection c) {
    this.connection = c;
    forgetDeferred();
  }

  /**
   * from now until {@link #complete}, checks whether an alias or panel edge is already stored once
   * per batch instead of once per row.
   */
  void deferChecks() {
    deferChecks = connection != null;
  }

  /**
   * the batch is normalised: drops the alias and panel-edge rows it wrote that the store already
   * holds (stored by an earlier batch whose memory was lost to a rollback, a restart or the LRU
   * bound).
   *
   * @param out the batch.
   * @throws SQLException when the check fails.
   */
  void complete(StoreBatch out) throws SQLException {
    try {
      dropStored(out.unitAliases, uncheckedAliases, "select c.a, c.b from unnest(?::text[], ?::text[]) as c(a, b) where exists (select 1 from unit_alias where alias = c.a and unit_id = c.b)");
      dropStored(out.unitEdges, uncheckedPanelEdges,
          "select c.a, c.b from unnest(?::text[], ?::text[]) as c(a, b) where exists (select 1 from unit_edge where parent_id = c.a and child_id = c.b and kind = 'panel')");
    } finally {
      forgetDeferred();
    }
  }

  /** no checks deferred, none pending. */
  private void forgetDeferred() {
    deferChecks = false;
    uncheckedAliases.clear();
    uncheckedPanelEdges.clear();
  }

  private void dropStored(CopyBuffer buffer, List<Unchecked> unchecked, String sql) throws SQLException {
    if (unchecked.isEmpty() || connection == null) {
      return;
    }
    Set<String> stored = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setArray(1, connection.createArrayOf("text", unchecked.stream().map(Unchecked::a).toArray()));
      ps.setArray(2, connection.createArrayOf("text", unchecked.stream().map(Unchecked::b).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getString(1) + '\u0000' + rs.getString(2));
        }
      }
    }
    if (stored.isEmpty()) {
      return;
    }
    Set<Object[]> drop = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Unchecked u : unchecked) {
      if (stored.contains(u.a() + '\u0000' + u.b())) {
        drop.add(u.row());
      }
    }
    buffer.removeIf(drop::contains);
  }

  /** forget what a failed batch taught (it will be learnt again on retry). */
  void rollback() {
    forgetDeferred();
    cache.clear();
    knownAliases.clear();
    knownPanelEdges.clear();
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

  private static final String TX_COLUMNS = "transaction_id, position, unit_id, panel_id, event_time from transaction_unit";

  /** provisional rows first where times tie: a serial named later for the position wins. */
  private static final String TX_ORDER =
      " order by event_time, case when unit_id = coalesce(panel_id, transaction_id) || '#' || position then 0 else 1 end";

  /** adds one transaction_unit row (selected as {@link #TX_COLUMNS}) to what is known of a transaction. */
  private static void load(Tx t, ResultSet rs) throws SQLException {
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

  /**
   * reads the units of the transactions a batch names that are not in memory, with one query
   * instead of one per transaction; what it reads is exactly what {@link #tx} would read one by
   * one at this point of the batch, because the batch's own rows reach the store only after
   * normalisation.
   *
   * @param rawTxIds the TransactionIDs of the batch's messages; unset ones are skipped.
   * @throws SQLException when the query fails.
   */
  void prefetch(Collection<String> rawTxIds) throws SQLException {
    if (connection == null) {
      return;
    }
    Map<String, Tx> missing = new LinkedHashMap<>();
    for (String raw : rawTxIds) {
      String id = txId(raw);
      if (id != null && !cache.containsKey(id)) {
        missing.putIfAbsent(id, new Tx(id));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement("select " + TX_COLUMNS + " where transaction_id = any(?)" + TX_ORDER.replace("order by ", "order by transaction_id, "))) {
      ps.setArray(1, connection.createArrayOf("text", missing.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          load(missing.get(rs.getString(1)), rs);
        }
      }
    }
    missing.values().forEach(t -> cache.put(t.id, t));
  }

  /** the units of a transaction, from memory or from the store; null when there is none. */
  @Nullable Tx tx(@Nullable String rawTxId) throws SQLException {
    String txId = txId(rawTxId);
    if (txId == null) {
      return null;
    }
    Tx t = cache.get(txId);
    if (t != null) {
      return t;
    }
    t = new Tx(txId);
    if (connection != null) {
      try (PreparedStatement ps = connection.prepareStatement("select " + TX_COLUMNS + " where transaction_id = ?" + TX_ORDER)) {
        ps.setString(1, txId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            load(t, rs);
          }
        }
      }
    }
    cache.put(txId, t);
    return t;
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
          alias(panel + "#" + pos, key, since(t, panel + "#" + pos, e), e, out);
          panelEdge(panel, key, pos, t, e, out);
        }
        if (known != null && !known.equals(key) && t.provisional.contains(known)) {
          alias(known, key, since(t, known, e), e, out);
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
          alias(provisional, id, since(t, provisional, e), e, out);
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
  private void alias(String alias, String unitId, Instant validFrom, StoredEnvelope e, StoreBatch out) {
    if (alias.equals(unitId)) {
      return;
    }
    String k = alias + '\u0000' + unitId;
    if (knownAliases.contains(k) || (!deferChecks && exists("select 1 from unit_alias where alias = ? and unit_id = ?", alias, unitId))) {
      knownAliases.add(k);
      return;
    }
    knownAliases.add(k);
    Object[] row = {alias, unitId, e.eventTime(), e.uniqueId(), validFrom};
    out.unitAliases.add(row);
    if (deferChecks) {
      uncheckedAliases.add(new Unchecked(row, alias, unitId));
    }
  }

  private void panelEdge(String panel, String board, @Nullable Integer pos, @Nullable Tx t, StoredEnvelope e, StoreBatch out) {
    if (panel.equals(board)) {
      return;
    }
    String k = panel + '\u0000' + board;
    if (knownPanelEdges.contains(k) || (!deferChecks && exists("select 1 from unit_edge where parent_id = ? and child_id = ? and kind = 'panel'", panel, board))) {
      knownPanelEdges.add(k);
      return;
    }
    knownPanelEdges.add(k);
    Object[] row = {panel, board, "panel", pos, null, e.station(), t == null ? null : t.id, e.eventTime(), e.uniqueId()};
    out.unitEdges.add(row);
    if (deferChecks) {
      uncheckedPanelEdges.add(new Unchecked(row, panel, board));
    }
  }

  private boolean exists(String sql, String a, String b) {
    if (connection == null) {
      return false;
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, a);
      ps.setString(2, b);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException ex) {
      // the batch's connection failed: let the pipeline classify and retry the batch
      throw new LookupFailed(ex);
    }
  }

  /** a failed lookup inside {@link #alias}/{@link #panelEdge}, unwrapped by the normaliser. */
  static final class LookupFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LookupFailed(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
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
