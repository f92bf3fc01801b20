package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.store.StoreTime;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.production.OperatorActivated;
import io.cfxtrace.model.cfx.production.OperatorDeactivated;
import io.cfxtrace.model.cfx.production.RecipeActivated;
import io.cfxtrace.model.cfx.resourceperformance.FaultAcknowledged;
import io.cfxtrace.model.cfx.resourceperformance.FaultCleared;
import io.cfxtrace.model.cfx.resourceperformance.FaultOccurred;
import io.cfxtrace.model.cfx.resourceperformance.StationOffline;
import io.cfxtrace.model.cfx.resourceperformance.StationOnline;
import io.cfxtrace.model.cfx.resourceperformance.StationStateChanged;
import io.cfxtrace.model.cfx.resourceperformance.smtplacement.ComponentsPlaced;
import io.cfxtrace.model.cfx.structures.BasicFault;
import io.cfxtrace.model.cfx.structures.Fault;
import io.cfxtrace.model.cfx.structures.FaultCause;
import io.cfxtrace.model.cfx.structures.FaultSeverity;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementFault;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SMTSolderPastePrintingFault;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowOvenFault;
import io.cfxtrace.model.value.CfxEnum;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * station state and operators: what the station itself does, whatever unit is in it. State
 * changes, faults, going on- and offline and placement counts (CFX.ResourcePerformance) give
 * {@code station_event} rows; operators logging on and off (CFX.Production.OperatorActivated,
 * OperatorDeactivated) give {@code operator_session} rows, ended at the earliest deactivation after
 * their start; RecipeActivated gives a {@code station_event}. Where each message lands: {@link
 * Projections}.
 */
final class StationProjector extends Projector {

  StationProjector(UnitResolver units, ZoneOffset zoneless) {
    super(units, zoneless);
  }

  // ---- CFX.Production

  void operatorActivated(StoreBatch out, StoredEnvelope e, OperatorActivated o) {
    Operator op = o.operator();
    if (op != null && op.operatorIdentifier() != null) {
      out.operatorSessions.add(station(e), op.operatorIdentifier(), name(op), op.loginName(), e.eventTime(), null, e.uniqueId(),
          StoreTime.tick(e.eventTime()), null);
    }
  }

  void operatorDeactivated(StoreBatch out, StoredEnvelope e, OperatorDeactivated o) {
    if (o.operator() != null && o.operator().operatorIdentifier() != null) {
      // the deactivation is kept as a fact: a session stored after it still ends at it (V8)
      stationEvent(out, e, "operator_deactivated", null, null, null, null, null, null, null,
          JSON.objectNode().put("operator", o.operator().operatorIdentifier()));
      out.closeOperatorSession(station(e), o.operator().operatorIdentifier(), e.eventTime());
    }
  }

  void recipeActivated(StoreBatch out, StoredEnvelope e, RecipeActivated r) {
    ObjectNode d = JSON.objectNode().put("lane", r.lane()).put("stage", stageName(r.stage()));
    if (r.workOrderIdentifier() != null) {
      d.put("workOrder", r.workOrderIdentifier().workOrderId());
      d.put("batch", r.workOrderIdentifier().batch());
    }
    stationEvent(out, e, "recipe_activated", null, recipe(r.recipeName(), r.revision()), null, null, null, null, null, d);
  }

  private static @Nullable String name(Operator op) {
    String first = op.firstName() == null ? "" : op.firstName();
    String last = op.lastName() == null ? "" : op.lastName();
    String n = (first + " " + last).trim();
    return n.isEmpty() ? null : n;
  }

  // ---- CFX.ResourcePerformance

  void faultAcknowledged(StoreBatch out, StoredEnvelope e, FaultAcknowledged f) {
    stationEvent(out, e, "fault_acknowledged", null, null, null, null, f.faultOccurrenceId(), null, null,
        JSON.objectNode().put("operator", f.operator() == null ? null : f.operator().operatorIdentifier()));
  }

  void faultCleared(StoreBatch out, StoredEnvelope e, FaultCleared f) {
    stationEvent(out, e, "fault_cleared", null, null, null, null, f.faultOccurrenceId(), null, null,
        JSON.objectNode().put("operator", f.operator() == null ? null : f.operator().operatorIdentifier()));
  }

  void faultOccurred(StoreBatch out, StoredEnvelope e, FaultOccurred f) {
    if (f.fault() != null) {
      FaultInfo info = faultInfo(f.fault());
      stationEvent(out, e, "fault_occurred", null, null, null, info.code(), info.id(), info.severity(), info.description(), info.details());
    }
  }

  void componentsPlaced(StoreBatch out, StoredEnvelope e, ComponentsPlaced c) {
    stationEvent(out, e, "components_placed", null, null, null, null, null, null, null,
        JSON.objectNode().put("placed", c.totalComponentsPlaced()).put("notPlaced", c.totalComponentsNotPlaced())
            .put("start", c.startTime() == null ? null : c.startTime().text()).put("end", c.endTime() == null ? null : c.endTime().text()));
  }

  void stationOffline(StoreBatch out, StoredEnvelope e, StationOffline s) {
    stationEvent(out, e, "offline", null, null, null, null, null, null, null, null);
  }

  void stationOnline(StoreBatch out, StoredEnvelope e, StationOnline s) {
    stationEvent(out, e, "online", null, null, null, null, null, null, null,
        s.offlineDuration() == null ? null : JSON.objectNode().put("offlineDuration", s.offlineDuration().text()));
  }

  void stationStateChanged(StoreBatch out, StoredEnvelope e, StationStateChanged s) {
    Integer newCode = s.newState() == null ? null : code(s.newState());
    Integer oldCode = s.oldState() == null ? null : code(s.oldState());
    FaultInfo f = s.relatedFault() == null ? null : faultInfo(s.relatedFault());
    ObjectNode d = JSON.objectNode().put("oldStateDuration", s.oldStateDuration() == null ? null : s.oldStateDuration().text());
    if (f != null) {
      d.setAll(f.details());
    }
    stationEvent(out, e, "state_changed", newCode, text(s.newState()), oldCode, f == null ? null : f.code(), f == null ? null : f.id(),
        f == null ? null : f.severity(), f == null ? null : f.description(), d);
  }

  /** the members every Fault subclass shares (BasicFault, SMTPlacementFault, ...), and extras. */
  private record FaultInfo(@Nullable String code, @Nullable String id, @Nullable String severity, @Nullable String description, ObjectNode details) {}

  private FaultInfo faultInfo(Fault f) {
    ObjectNode d = JSON.objectNode();
    if (f instanceof BasicFault b) {
      return fault(d, b.faultCode(), b.faultOccurrenceId(), b.severity(), b.description(), b.cause(), b.lane(), b.stage(), b.transactionId(),
          b.occurredAt());
    }
    if (f instanceof SMTPlacementFault s) {
      d.put("type", "SMTPlacementFault").put("placementFaultType", text(s.placementFaultType())).put("programStep", s.programStep());
      if (s.designator() != null) {
        d.put("referenceDesignator", s.designator().referenceDesignator()).put("partNumber", s.designator().partNumber());
      }
      MaterialPackage p = s.materialLocation() == null ? null : s.materialLocation().materialPackage();
      if (p != null) {
        d.put("materialPackage", p.uniqueIdentifier());
      }
      d.put("headAndNozzle", head(s.headAndNozzle()));
      return fault(d, s.faultCode(), s.faultOccurrenceId(), s.severity(), s.description(), s.cause(), s.lane(), s.stage(), s.transactionId(),
          s.occurredAt());
    }
    if (f instanceof SMTSolderPastePrintingFault s) {
      d.put("type", "SMTSolderPastePrintingFault").put("printingFaultType", text(s.printingFaultType()));
      return fault(d, s.faultCode(), s.faultOccurrenceId(), s.severity(), s.description(), s.cause(), s.lane(), s.stage(), s.transactionId(),
          s.occurredAt());
    }
    if (f instanceof ReflowOvenFault r) {
      d.put("type", "ReflowOvenFault").put("reflowOvenFaultType", text(r.reflowOvenFaultType()));
      return fault(d, r.faultCode(), r.faultOccurrenceId(), r.severity(), r.description(), r.cause(), r.lane(), r.stage(), r.transactionId(),
          r.occurredAt());
    }
    if (f instanceof UnknownStructure u) {
      // e.g. THTInsertion.THTInsertionFault, which the model does not type
      Map<String, JsonNode> x = u.extensions();
      d.put("type", u.typeName()).put("cause", string(x.get("Cause"))).put("lane", string(x.get("Lane")))
          .put("transactionId", string(x.get("TransactionID"))).put("occurredAt", string(x.get("OccurredAt")));
      return new FaultInfo(string(x.get("FaultCode")), string(x.get("FaultOccurrenceId")), string(x.get("Severity")), string(x.get("Description")), d);
    }
    d.put("type", f.getClass().getSimpleName());
    return new FaultInfo(null, null, null, null, d);
  }

  private FaultInfo fault(ObjectNode d, @Nullable String code, @Nullable String id, @Nullable EnumValue<FaultSeverity> severity,
      @Nullable String description, @Nullable EnumValue<FaultCause> cause, @Nullable Integer lane, @Nullable Stage stage, @Nullable String tx,
      @Nullable CfxTimestamp occurredAt) {
    d.put("cause", text(cause)).put("lane", lane).put("stage", stageName(stage)).put("transactionId", tx(tx))
        .put("occurredAt", occurredAt == null || occurredAt.isUnset() ? null : occurredAt.toInstant(zoneless).toString());
    return new FaultInfo(code, id, text(severity), description, d);
  }

  private static @Nullable Integer code(EnumValue<?> v) {
    if (v.known().isPresent()) {
      return ((CfxEnum) v.known().get()).code();
    }
    JsonNode w = v.wire().orElse(null);
    if (w != null && w.canConvertToInt()) {
      return w.intValue();
    }
    if (w != null && w.isTextual()) {
      try {
        return Integer.parseInt(w.asText().trim());
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    return null;
  }
}
