package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cfxtrace.ingest.normalize.UnitResolver.Named;
import io.cfxtrace.ingest.normalize.UnitResolver.Unit;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.store.StoreTime;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.structures.BasicStage;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadAndNozzle;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZone;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * a projector turns the messages of one CFX domain into rows of the per-unit tables (see
 * V1__event_store.sql); which message goes to which projector method is {@link Projections}, the
 * one table. This base holds what the projectors of every domain share: the unit resolver, the
 * offset assumed for zone-less timestamps, the two row kinds several domains write ({@code
 * unit_event}, {@code station_event}) and the readers of CFX members they all use.
 *
 * <p>Every member of every message may be missing or null (the SDK's doc examples omit many, other
 * vendors' serialisers more): each projector method writes what is there and skips what is not.
 * Units are named through {@link UnitResolver}; the all-zero TransactionID the SDK writes when none
 * is set counts as no transaction ({@link #tx}).
 *
 * <p>Single-threaded (the writer), like the {@link CfxNormalizer} that owns the projectors; a
 * projector method throws {@link java.sql.SQLException} only when the resolver's lookup of a
 * transaction fails.
 */
abstract class Projector {

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** the units of the message being projected, consistent across the messages of a transaction. */
  final UnitResolver units;

  /** the offset assumed for zone-less timestamps inside messages. */
  final ZoneOffset zoneless;

  Projector(UnitResolver units, ZoneOffset zoneless) {
    this.units = units;
    this.zoneless = zoneless;
  }

  // ---- rows several domains write

  static void event(StoreBatch out, StoredEnvelope e, Unit u, String type, @Nullable Integer lane, @Nullable String stage,
      @Nullable String tx, @Nullable String result, @Nullable String recipe, @Nullable JsonNode details) {
    event(out, e, u, type, lane, stage, tx, result, recipe, details, null);
  }

  /** a unit event; the work order (CFX WorkOrderIdentifier of WorkStarted, UnitsInitialized) as its own columns. */
  static void event(StoreBatch out, StoredEnvelope e, Unit u, String type, @Nullable Integer lane, @Nullable String stage,
      @Nullable String tx, @Nullable String result, @Nullable String recipe, @Nullable JsonNode details, @Nullable WorkOrderIdentifier workOrder) {
    out.unitEvents.add(e.eventTime(), u.key(), u.panelId(), u.position(), type, station(e), lane, stage, tx, result, null, recipe,
        e.envelope().messageName(), e.uniqueId(), details, workOrder == null ? null : blankToNull(workOrder.workOrderId()),
        workOrder == null ? null : blankToNull(workOrder.batch()), StoreTime.tick(e.eventTime()));
  }

  static void stationEvent(StoreBatch out, StoredEnvelope e, String type, @Nullable Integer code, @Nullable String name,
      @Nullable Integer oldCode, @Nullable String faultCode, @Nullable String faultId, @Nullable String severity, @Nullable String description,
      @Nullable JsonNode details) {
    out.stationEvents.add(e.eventTime(), station(e), type, code, name, oldCode, faultCode, faultId, severity, description, e.envelope().messageName(),
        e.uniqueId(), details, StoreTime.tick(e.eventTime()));
  }

  // ---- readers of CFX members

  static String station(StoredEnvelope e) {
    return e.station() == null ? "unknown" : e.station();
  }

  static @Nullable String tx(@Nullable String transactionId) {
    return UnitResolver.txId(transactionId);
  }

  /** the non-null elements of a list that may be null or hold nulls. */
  static <T> List<T> present(@Nullable List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<T> out = new ArrayList<>(list.size());
    for (T t : list) {
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** how each per-unit result of a message names its unit, for {@link UnitResolver#perUnit}. */
  static <T> List<Named> named(List<T> list, Function<T, @Nullable String> id, Function<T, @Nullable Integer> position) {
    List<Named> out = new ArrayList<>(list.size());
    for (T t : list) {
      out.add(new Named(id.apply(t), position.apply(t)));
    }
    return out;
  }

  /** a time inside a message, or the envelope's event time when it has none. */
  Instant time(@Nullable CfxTimestamp t, StoredEnvelope e) {
    return t == null || t.isUnset() ? e.eventTime() : t.toInstant(zoneless);
  }

  @Nullable Instant instant(@Nullable CfxTimestamp t) {
    return t == null || t.isUnset() ? null : t.toInstant(zoneless);
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static @Nullable String text(@Nullable EnumValue<?> v) {
    return v == null ? null : v.text();
  }

  static @Nullable String string(@Nullable JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  static @Nullable Double number(@Nullable String s) {
    if (s == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static @Nullable String recipe(@Nullable String name, @Nullable String revision) {
    if (name == null) {
      return null;
    }
    return revision == null || revision.isEmpty() ? name : name + " rev " + revision;
  }

  static @Nullable String stageName(@Nullable Stage s) {
    if (s instanceof BasicStage b) {
      return b.stageName() != null ? b.stageName() : b.stageSequence() == null ? null : "stage " + b.stageSequence();
    }
    if (s instanceof ReflowZone z) {
      return zoneName(z);
    }
    if (s instanceof UnknownStructure u) {
      return string(u.extensions().get("StageName"));
    }
    return null;
  }

  static @Nullable String zoneName(@Nullable ReflowZone z) {
    if (z == null) {
      return null;
    }
    return z.stageName() != null ? z.stageName() : z.stageSequence() == null ? null : "zone " + z.stageSequence();
  }

  /** SMTHeadAndNozzle of a placed, rejected or faulted component, as one short text. */
  static @Nullable String head(@Nullable SMTHeadAndNozzle h) {
    if (h == null || (h.headId() == null && h.headNozzleNumber() == null && h.nozzleType() == null)) {
      return null;
    }
    return ((h.headId() == null ? "" : "head " + h.headId()) + (h.headNozzleNumber() == null ? "" : " nozzle " + h.headNozzleNumber())
        + (h.nozzleType() == null ? "" : " (" + h.nozzleType() + ")")).trim();
  }
}
