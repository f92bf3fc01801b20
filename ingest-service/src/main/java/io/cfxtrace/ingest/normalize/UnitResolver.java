package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.UnitInfo;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * names units consistently across messages (CFX standard 5.6, Structures/UnitPosition).
 *
 * <p>CFX identifies a unit in two ways: by its own serial, or by the panel (carrier) id repeated
 * for every position, the board being (panel id, position number); per-unit results inside a
 * transaction may give only the position. This resolver keys a unit by its serial when known, else
 * provisionally as {@code <panel id>#<position>}, and records an alias as soon as any message of
 * the transaction names the serial for that position (or a message lists a group identifier with
 * distinct unit identifiers, which CFX treats as panel-to-board), so that queries can join the
 * provisional key to the serial.
 *
 * <p>Keeps the units of recent transactions in memory; older ones are read from {@code
 * transaction_unit}. Single-threaded (the writer thread).
 */
final class UnitResolver {

  private static final int CACHE = 50_000;

  /** the units of one work transaction. */
  static final class Tx {
    @Nullable String panelId;
    final Map<Integer, String> byPosition = new HashMap<>();
    final Set<String> provisional = new HashSet<>();
  }

  /** a unit named in a message: its key, and the position and panel it was named with. */
  record Unit(String key, @Nullable Integer position, @Nullable String panelId) {}

  private final Map<String, Tx> cache =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tx> eldest) {
          return size() > CACHE;
        }
      };
  private @Nullable Connection connection;

  void begin(Connection c) {
    this.connection = c;
  }

  /** forget what a failed batch taught (it will be learnt again on retry). */
  void rollback() {
    cache.clear();
  }

  /** the (id, position) of any UnitPosition implementation, or of an unknown subclass. */
  static Unit raw(UnitPosition u) {
    if (u instanceof BasicUnitPosition b) {
      return new Unit(b.unitIdentifier(), b.positionNumber(), null);
    }
    if (u instanceof UnitInfo i) {
      return new Unit(i.unitIdentifier(), i.positionNumber(), null);
    }
    if (u instanceof UnknownStructure s) {
      return new Unit(text(s.extensions().get("UnitIdentifier")), integer(s.extensions().get("PositionNumber")), null);
    }
    return new Unit(null, null, null);
  }

  private static @Nullable String text(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static @Nullable Integer integer(@Nullable JsonNode n) {
    return n == null || !n.canConvertToInt() ? null : n.intValue();
  }

  /** the units of a transaction, from memory or from the store. */
  @Nullable Tx tx(@Nullable String txId) throws SQLException {
    if (txId == null) {
      return null;
    }
    Tx t = cache.get(txId);
    if (t != null) {
      return t;
    }
    t = new Tx();
    if (connection != null) {
      try (PreparedStatement ps =
          connection.prepareStatement("select position, unit_id, panel_id from transaction_unit where transaction_id = ? order by event_time")) {
        ps.setString(1, txId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String key = rs.getString(2);
            String panel = rs.getString(3);
            t.byPosition.put(rs.getInt(1), key);
            if (panel != null) {
              t.panelId = panel;
              if (key.equals(panel + "#" + rs.getInt(1))) {
                t.provisional.add(key);
              }
            }
          }
        }
      }
    }
    cache.put(txId, t);
    return t;
  }

  /**
   * the units a message lists (WorkStarted, WorkCompleted, UnitsArrived, UnitsInitialized,
   * IdentifiersRead...), with the group identifier it gives; records aliases and panel edges, and
   * with {@code register} the transaction's units by position.
   */
  List<Unit> units(
      @Nullable String txId,
      @Nullable String primaryId,
      @Nullable List<UnitPosition> listed,
      boolean register,
      StoredEnvelope e,
      StoreBatch out)
      throws SQLException {
    Tx t = tx(txId);
    List<Unit> raw = new ArrayList<>();
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
      } else if (primaryId != null) {
        result.add(new Unit(primaryId, null, null));
      }
      return result;
    }
    boolean panelMode = isPanelMode(raw);
    String panel = panelMode ? firstNonNull(raw.get(0).key(), primaryId) : primaryId;
    if (t != null && panel != null && t.panelId == null) {
      t.panelId = panel;
    }
    for (Unit u : raw) {
      Integer pos = u.position();
      String key;
      if (panelMode) {
        String known = t != null && pos != null ? t.byPosition.get(pos) : null;
        key = known != null ? known : panel + "#" + pos;
        if (known == null && t != null && pos != null) {
          t.provisional.add(key);
        }
      } else if (u.key() != null) {
        key = u.key();
        if (panel != null && !panel.equals(key) && pos != null) {
          String provisional = panel + "#" + pos;
          alias(provisional, key, e, out);
          out.unitEdges.add(panel, key, "panel", pos, null, e.station(), txId, e.eventTime(), e.uniqueId());
        }
        if (t != null && pos != null) {
          String known = t.byPosition.get(pos);
          if (known != null && !known.equals(key) && t.provisional.contains(known)) {
            alias(known, key, e, out);
          }
        }
      } else {
        String known = t != null && pos != null ? t.byPosition.get(pos) : null;
        key = known != null ? known : (panel != null ? panel + "#" + pos : txId + "#" + pos);
      }
      if (register && t != null && pos != null && !key.equals(t.byPosition.get(pos))) {
        t.byPosition.put(pos, key);
        out.transactionUnits.add(txId, pos, key, panel, e.station(), e.eventTime(), e.uniqueId());
      }
      result.add(new Unit(key, pos, panel));
    }
    return result;
  }

  /**
   * the key of a unit named in a per-unit result of a transaction (UnitIdentifier plus
   * UnitPositionNumber): inside a transaction the position is authoritative and the identifier
   * may be the panel id.
   */
  String unit(@Nullable String txId, @Nullable String unitIdentifier, @Nullable Integer position, StoredEnvelope e, StoreBatch out)
      throws SQLException {
    Tx t = tx(txId);
    if (t != null && position != null) {
      String known = t.byPosition.get(position);
      boolean namesSerial = unitIdentifier != null && !unitIdentifier.equals(t.panelId) && !unitIdentifier.equals(known);
      if (namesSerial) {
        if (known != null && t.provisional.contains(known)) {
          alias(known, unitIdentifier, e, out);
          t.byPosition.put(position, unitIdentifier);
          out.transactionUnits.add(txId, position, unitIdentifier, t.panelId, e.station(), e.eventTime(), e.uniqueId());
        } else if (known == null && t.panelId == null) {
          return unitIdentifier;
        }
        return known == null ? unitIdentifier : t.byPosition.get(position);
      }
      if (known != null) {
        return known;
      }
      if (unitIdentifier != null) {
        return unitIdentifier + "#" + position;
      }
      return txId + "#" + position;
    }
    if (unitIdentifier != null) {
      return unitIdentifier;
    }
    return txId == null ? "unknown" : txId + "#" + (position == null ? "?" : position);
  }

  /** every unit of a transaction (for transaction-level results), empty if none is known. */
  List<Unit> unitsOf(@Nullable String txId) throws SQLException {
    Tx t = tx(txId);
    List<Unit> out = new ArrayList<>();
    if (t != null) {
      t.byPosition.forEach((pos, key) -> out.add(new Unit(key, pos, t.panelId)));
    }
    return out;
  }

  private static void alias(String alias, String unitId, StoredEnvelope e, StoreBatch out) {
    if (!alias.equals(unitId)) {
      out.unitAliases.add(alias, unitId, e.eventTime(), e.uniqueId());
    }
  }

  private static boolean isPanelMode(List<Unit> raw) {
    String first = raw.get(0).key();
    if (first == null) {
      return false;
    }
    // the SDK's own WorkStarted example: "CARRIER5566" for positions 1 and 2
    return raw.size() > 1 && raw.stream().allMatch(u -> first.equals(u.key()));
  }

  private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }
}
