package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.normalize.UnitResolver.Unit;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.materials.management.MaterialsConsumed;
import io.cfxtrace.model.cfx.materials.management.MaterialsInitialized;
import io.cfxtrace.model.cfx.materials.management.MaterialsJoined;
import io.cfxtrace.model.cfx.materials.management.MaterialsModified;
import io.cfxtrace.model.cfx.materials.management.MaterialsRetired;
import io.cfxtrace.model.cfx.materials.management.MaterialsSplit;
import io.cfxtrace.model.cfx.materials.storage.MaterialsEmpty;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.cfx.materials.storage.MaterialsUnloaded;
import io.cfxtrace.model.cfx.materials.storage.SplicePointDetected;
import io.cfxtrace.model.cfx.production.ActivitiesExecuted;
import io.cfxtrace.model.cfx.production.OperatorActivated;
import io.cfxtrace.model.cfx.production.OperatorDeactivated;
import io.cfxtrace.model.cfx.production.ReadingsRecorded;
import io.cfxtrace.model.cfx.production.RecipeActivated;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.UnitsDeparted;
import io.cfxtrace.model.cfx.production.UnitsDisqualified;
import io.cfxtrace.model.cfx.production.UnitsInitialized;
import io.cfxtrace.model.cfx.production.WorkCompleted;
import io.cfxtrace.model.cfx.production.WorkStageCompleted;
import io.cfxtrace.model.cfx.production.WorkStagePaused;
import io.cfxtrace.model.cfx.production.WorkStageResumed;
import io.cfxtrace.model.cfx.production.WorkStageStarted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.application.MaterialsApplied;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.production.assembly.MaterialsUninstalled;
import io.cfxtrace.model.cfx.production.assembly.UnitsPersonalized;
import io.cfxtrace.model.cfx.production.loadingandunloading.UnitsLoaded;
import io.cfxtrace.model.cfx.production.loadingandunloading.UnitsUnloaded;
import io.cfxtrace.model.cfx.production.processing.UnitsProcessed;
import io.cfxtrace.model.cfx.production.reworkandrepair.UnitsRepaired;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.resourceperformance.FaultAcknowledged;
import io.cfxtrace.model.cfx.resourceperformance.FaultCleared;
import io.cfxtrace.model.cfx.resourceperformance.FaultOccurred;
import io.cfxtrace.model.cfx.resourceperformance.StationOffline;
import io.cfxtrace.model.cfx.resourceperformance.StationOnline;
import io.cfxtrace.model.cfx.resourceperformance.StationStateChanged;
import io.cfxtrace.model.cfx.resourceperformance.smtplacement.ComponentsPlaced;
import io.cfxtrace.model.cfx.sensor.identification.IdentifiersRead;
import io.cfxtrace.model.cfx.structures.*;
import io.cfxtrace.model.cfx.structures.generic.GenericProcessData;
import io.cfxtrace.model.cfx.structures.generic.GenericStageData;
import io.cfxtrace.model.cfx.structures.generic.GenericValue;
import io.cfxtrace.model.cfx.structures.reflowprofiling.ReflowProfilingProcessData;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadAndNozzle;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingPCBProcessData;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Stroke;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReading;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetPoint;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZone;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneData;
import io.cfxtrace.model.value.CfxEnum;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * the CFX messages that carry traceability, turned into the per-unit tables (see
 * V1__event_store.sql). Messages without a mapping here are kept in the raw log only.
 */
public final class CfxNormalizer implements Normalizer {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final UnitResolver units = new UnitResolver();
  private final ZoneOffset zoneless;

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
    this.zoneless = zoneless;
  }

  @Override
  public void begin(Connection connection) {
    units.begin(connection);
  }

  @Override
  public void rollback() {
    units.rollback();
  }

  @Override
  public void normalize(StoredEnvelope e, StoreBatch out) throws SQLException {
    CfxMessage m = e.envelope().messageBody();
    // Production: work flow (CFX.Production)
    if (m instanceof WorkStarted w) {
      String recipe = recipe(w.recipeName(), w.revision());
      ObjectNode d = JSON.objectNode();
      if (w.workOrderIdentifier() != null) {
        d.put("workOrder", w.workOrderIdentifier().workOrderId());
        d.put("batch", w.workOrderIdentifier().batch());
      }
      d.put("surface", text(w.relevantSurface()));
      for (Unit u : units.units(w.transactionId(), w.primaryIdentifier(), w.units(), true, e, out)) {
        event(out, e, u, "work_started", w.lane(), null, w.transactionId(), null, recipe, d);
      }
    } else if (m instanceof WorkCompleted w) {
      List<Unit> listed = units.units(w.transactionId(), w.primaryIdentifier(), w.units(), true, e, out);
      for (Unit u : listed) {
        event(out, e, u, "work_completed", null, null, w.transactionId(), text(w.result()), null, null);
      }
    } else if (m instanceof WorkStageStarted w) {
      stage(out, e, w.transactionId(), w.stage(), "stage_started", null);
    } else if (m instanceof WorkStageCompleted w) {
      stage(out, e, w.transactionId(), w.stage(), "stage_completed", text(w.result()));
    } else if (m instanceof WorkStagePaused w) {
      stage(out, e, w.transactionId(), w.stage(), "stage_paused", null);
    } else if (m instanceof WorkStageResumed w) {
      stage(out, e, w.transactionId(), w.stage(), "stage_resumed", null);
    } else if (m instanceof UnitsArrived a) {
      for (Unit u : units.units(null, a.primaryIdentifier(), a.units(), false, e, out)) {
        event(out, e, u, "arrived", a.lane(), null, null, null, null, null);
      }
    } else if (m instanceof UnitsDeparted a) {
      for (Unit u : units.units(null, a.primaryIdentifier(), a.units(), false, e, out)) {
        event(out, e, u, "departed", a.lane(), null, null, null, null, null);
      }
    } else if (m instanceof UnitsInitialized i) {
      ObjectNode d = JSON.objectNode();
      if (i.workOrderIdentifier() != null) {
        d.put("workOrder", i.workOrderIdentifier().workOrderId());
        d.put("batch", i.workOrderIdentifier().batch());
      }
      for (Unit u : units.units(i.transactionId(), i.primaryIdentifier(), i.units(), i.transactionId() != null, e, out)) {
        event(out, e, u, "initialized", null, null, i.transactionId(), null, null, d);
      }
    } else if (m instanceof IdentifiersRead r) {
      for (Unit u : units.units(null, r.primaryIdentifier(), r.units(), false, e, out)) {
        event(out, e, u, "identified", null, null, null, null, null, null);
      }
    } else if (m instanceof UnitsDisqualified q) {
      ObjectNode d = JSON.objectNode().put("comments", q.comments());
      for (Unit u : units.units(null, q.primaryIdentifier(), q.units(), false, e, out)) {
        event(out, e, u, "disqualified", null, null, null, text(q.reason()), null, d);
      }
    } else if (m instanceof UnitsLoaded l) {
      for (Unit u : units.units(null, null, l.units(), false, e, out)) {
        event(out, e, u, "loaded_into_carrier", null, null, null, null, null, JSON.objectNode().put("carrier", l.uniqueIdentifier()));
        if (l.uniqueIdentifier() != null) {
          out.unitEdges.add(l.uniqueIdentifier(), u.key(), "carrier", u.position(), null, e.station(), null, e.eventTime(), e.uniqueId());
        }
      }
    } else if (m instanceof UnitsUnloaded l) {
      for (Unit u : units.units(null, null, l.units(), false, e, out)) {
        event(out, e, u, "unloaded_from_carrier", null, null, null, null, null, JSON.objectNode().put("carrier", l.uniqueIdentifier()));
      }
    } else if (m instanceof ActivitiesExecuted a) {
      for (Unit u : units.unitsOf(a.transactionId())) {
        event(out, e, u, "activities", null, stageName(a.stage()), a.transactionId(), null, null,
            JSON.objectNode().put("activities", a.activities() == null ? 0 : a.activities().size()));
      }
    } else if (m instanceof ReadingsRecorded r) {
      readings(out, e, r);
    } else if (m instanceof OperatorActivated o && o.operator() != null && o.operator().operatorIdentifier() != null) {
      Operator op = o.operator();
      out.operatorSessions.add(station(e), op.operatorIdentifier(), name(op), op.loginName(), e.eventTime(), null, e.uniqueId());
    } else if (m instanceof OperatorDeactivated o && o.operator() != null && o.operator().operatorIdentifier() != null) {
      out.closeOperatorSession(station(e), o.operator().operatorIdentifier(), e.eventTime());
    } else if (m instanceof RecipeActivated r) {
      stationEvent(out, e, "recipe_activated", null, recipe(r.recipeName(), r.revision()), null, null, null, null, null,
          JSON.objectNode().put("lane", r.lane()));
    // Processing, assembly, test (CFX.Production.*)
    } else if (m instanceof UnitsProcessed p) {
      processed(out, e, p);
    } else if (m instanceof MaterialsInstalled mi) {
      installed(out, e, mi.transactionId(), mi.installedMaterials(), "installed");
    } else if (m instanceof MaterialsApplied ma) {
      installed(out, e, ma.transactionId(), ma.appliedMaterials(), "applied");
    } else if (m instanceof MaterialsUninstalled mu) {
      uninstalled(out, e, mu);
    } else if (m instanceof UnitsPersonalized p) {
      personalized(out, e, p);
    } else if (m instanceof UnitsInspected i) {
      inspected(out, e, i);
    } else if (m instanceof UnitsTested t) {
      tested(out, e, t);
    } else if (m instanceof UnitsRepaired r) {
      repaired(out, e, r);
    // Materials (CFX.Materials.*)
    } else if (m instanceof MaterialsLoaded l) {
      if (l.materials() != null) {
        for (MaterialLocation loc : l.materials()) {
          load(out, e, loc);
        }
      }
    } else if (m instanceof MaterialsUnloaded u) {
      if (u.materialPackageIdentifiers() != null) {
        for (String id : u.materialPackageIdentifiers()) {
          if (id != null) {
            out.closeMaterialSetup(station(e), id, e.eventTime(), "unloaded");
            material(out, e, id, "unloaded", null, null, null, null, null);
          }
        }
      }
    } else if (m instanceof MaterialsEmpty em) {
      if (em.emptyMaterials() != null) {
        for (MaterialLocation loc : em.emptyMaterials()) {
          MaterialPackage p = loc == null ? null : loc.materialPackage();
          if (p != null && p.uniqueIdentifier() != null) {
            out.closeMaterialSetup(station(e), p.uniqueIdentifier(), e.eventTime(), "empty");
            material(out, e, p.uniqueIdentifier(), "empty", p.internalPartNumber(), p.batchId(), p.quantity(), null, null);
          }
        }
      }
    } else if (m instanceof SplicePointDetected s) {
      MaterialPackage depleted = s.depletedMaterial() == null ? null : s.depletedMaterial().materialPackage();
      if (depleted != null && depleted.uniqueIdentifier() != null) {
        out.closeMaterialSetup(station(e), depleted.uniqueIdentifier(), e.eventTime(), "splice");
      }
      if (s.newlyActiveMaterial() != null) {
        load(out, e, s.newlyActiveMaterial());
      }
    } else if (m instanceof MaterialsInitialized mi && mi.materials() != null) {
      for (MaterialPackageDetail p : mi.materials()) {
        if (p != null && p.uniqueIdentifier() != null) {
          ObjectNode d = JSON.objectNode().put("manufacturer", p.manufacturer()).put("manufacturerPartNumber", p.manufacturerPartNumber())
              .put("manufacturerLotCode", p.manufacturerLotCode()).put("vendor", p.vendor());
          material(out, e, p.uniqueIdentifier(), "initialized", p.internalPartNumber(), p.batchId(), p.quantity(), null, d);
        }
      }
    } else if (m instanceof MaterialsModified mm && mm.materials() != null) {
      for (MaterialPackageDetail p : mm.materials()) {
        if (p != null && p.uniqueIdentifier() != null) {
          material(out, e, p.uniqueIdentifier(), "modified", p.internalPartNumber(), p.batchId(), p.quantity(), null, null);
        }
      }
    } else if (m instanceof MaterialsSplit s && s.sourceMaterialPackageIdentifier() != null) {
      material(out, e, s.sourceMaterialPackageIdentifier(), "split", null, null, s.sourceMaterialPackageRemainingQuantity(), s.newMaterialPackageIdentifier(), null);
      if (s.newMaterialPackageIdentifier() != null) {
        material(out, e, s.newMaterialPackageIdentifier(), "split_from", null, null, s.newMaterialPackageQuantity(), s.sourceMaterialPackageIdentifier(), null);
      }
    } else if (m instanceof MaterialsJoined j && j.leadingMaterialPackage() != null && j.leadingMaterialPackage().uniqueIdentifier() != null) {
      MaterialPackage lead = j.leadingMaterialPackage();
      String trail = j.trailingMaterialPackage() == null ? null : j.trailingMaterialPackage().uniqueIdentifier();
      material(out, e, lead.uniqueIdentifier(), "joined", lead.internalPartNumber(), lead.batchId(), lead.quantity(), trail, null);
    } else if (m instanceof MaterialsConsumed c && c.consumedMaterials() != null) {
      for (ConsumedMaterial cm : c.consumedMaterials()) {
        MaterialPackage p = cm == null || cm.materialLocation() == null ? null : cm.materialLocation().materialPackage();
        if (p != null && p.uniqueIdentifier() != null) {
          material(out, e, p.uniqueIdentifier(), "consumed", p.internalPartNumber(), p.batchId(), cm.quantityUsed(), null,
              JSON.objectNode().put("spoiled", cm.quantitySpoiled()).put("remaining", cm.remainingQuantity()));
        }
      }
    } else if (m instanceof MaterialsRetired r && r.materials() != null) {
      for (MaterialPackage p : r.materials()) {
        if (p != null && p.uniqueIdentifier() != null) {
          material(out, e, p.uniqueIdentifier(), "retired", p.internalPartNumber(), p.batchId(), p.quantity(), null, null);
        }
      }
    // Resource performance (CFX.ResourcePerformance)
    } else if (m instanceof StationStateChanged s) {
      Integer newCode = s.newState() == null ? null : code(s.newState());
      Integer oldCode = s.oldState() == null ? null : code(s.oldState());
      stationEvent(out, e, "state_changed", newCode, text(s.newState()), oldCode, null, null, null, null,
          JSON.objectNode().put("oldStateDuration", s.oldStateDuration() == null ? null : s.oldStateDuration().text()));
    } else if (m instanceof FaultOccurred f && f.fault() != null) {
      fault(out, e, f.fault());
    } else if (m instanceof FaultCleared f) {
      stationEvent(out, e, "fault_cleared", null, null, null, null, f.faultOccurrenceId(), null, null,
          JSON.objectNode().put("operator", f.operator() == null ? null : f.operator().operatorIdentifier()));
    } else if (m instanceof FaultAcknowledged f) {
      stationEvent(out, e, "fault_acknowledged", null, null, null, null, f.faultOccurrenceId(), null, null,
          JSON.objectNode().put("operator", f.operator() == null ? null : f.operator().operatorIdentifier()));
    } else if (m instanceof StationOnline) {
      stationEvent(out, e, "online", null, null, null, null, null, null, null, null);
    } else if (m instanceof StationOffline) {
      stationEvent(out, e, "offline", null, null, null, null, null, null, null, null);
    } else if (m instanceof ComponentsPlaced c) {
      stationEvent(out, e, "components_placed", null, null, null, null, null, null, null,
          JSON.objectNode().put("placed", c.totalComponentsPlaced()).put("notPlaced", c.totalComponentsNotPlaced()));
    }
  }

  // ---- work flow

  private void stage(StoreBatch out, StoredEnvelope e, @Nullable String tx, @Nullable Stage stage, String type, @Nullable String result)
      throws SQLException {
    for (Unit u : units.unitsOf(tx)) {
      event(out, e, u, type, null, stageName(stage), tx, result, null, null);
    }
  }

  private void readings(StoreBatch out, StoredEnvelope e, ReadingsRecorded r) throws SQLException {
    if (r.readings() == null) {
      return;
    }
    for (Reading rd : r.readings()) {
      if (rd == null) {
        continue;
      }
      String unit = units.unit(r.transactionId(), rd.unitIdentifier(), rd.unitPositionNumber(), e, out);
      out.measurements.add(
          time(rd.timeRecorded(), e), unit, "reading", null, rd.readingIdentifier(), designators(rd.components()), number(rd.value()),
          rd.value(), number(rd.expectedValue()), number(rd.minimumAcceptableValue()), number(rd.maximumAcceptableValue()), rd.valueUnits(),
          text(rd.result()), rd.readingSequence(), station(e), r.transactionId(), e.uniqueId(), null);
    }
  }

  // ---- processing

  private void processed(StoreBatch out, StoredEnvelope e, UnitsProcessed p) throws SQLException {
    String tx = p.transactionId();
    if (p.commonProcessData() != null) {
      processData(out, e, null, tx, p.commonProcessData());
    }
    boolean perUnit = p.unitProcessData() != null && !p.unitProcessData().isEmpty();
    if (perUnit) {
      for (ProcessedUnit pu : p.unitProcessData()) {
        if (pu == null) {
          continue;
        }
        String unit = units.unit(tx, pu.unitIdentifier(), pu.unitPositionNumber(), e, out);
        event(out, e, new Unit(unit, pu.unitPositionNumber(), null), "processed", null, null, tx, text(pu.unitResult()), null, null);
        if (pu.unitProcessData() != null) {
          processData(out, e, unit, tx, pu.unitProcessData());
        }
      }
    } else {
      for (Unit u : units.unitsOf(tx)) {
        event(out, e, u, "processed", null, null, tx, text(p.overallResult()), null, null);
      }
    }
  }

  private void processData(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, ProcessData data) {
    if (data instanceof ReflowProcessData r) {
      value(out, e, unit, tx, "reflow", null, null, "ConveyorSpeed", r.conveyorSpeed(), "cm/min");
      value(out, e, unit, tx, "reflow", null, null, "ConveyorSpeedSetpoint", r.conveyorSpeedSetpoint(), "cm/min");
      zones(out, e, unit, tx, "reflow", r.zoneData());
    } else if (data instanceof ReflowProfilingProcessData r) {
      value(out, e, unit, tx, "reflow_profiling", null, null, "ConveyorSpeedSetpoint", r.conveyorSpeedSetpoint(), "cm/min");
      value(out, e, unit, tx, "reflow_profiling", null, null, "MeasuredConveyorSpeed", r.measuredConveyorSpeed(), "cm/min");
      value(out, e, unit, tx, "reflow_profiling", null, null, "ProductionUnitPWI", r.productionUnitPWI(), null);
      zones(out, e, unit, tx, "reflow_profiling", r.zoneData());
    } else if (data instanceof SolderPastePrintingPCBProcessData s) {
      value(out, e, unit, tx, "printing", null, null, "OffsetX", s.offsetX(), "mm");
      value(out, e, unit, tx, "printing", null, null, "OffsetY", s.offsetY(), "mm");
      value(out, e, unit, tx, "printing", null, null, "OffsetTheta", s.offsetTheta(), "deg");
      value(out, e, unit, tx, "printing", null, null, "PrePrintStretch", s.prePrintStretch(), null);
      value(out, e, unit, tx, "printing", null, null, "PostPrintStretch", s.postPrintStretch(), null);
      if (s.cycleTime() != null) {
        value(out, e, unit, tx, "printing", null, null, "CycleTime", s.cycleTime().duration().toNanos() / 1e9, "s");
      }
      if (s.strokes() != null) {
        int i = 0;
        for (Stroke st : s.strokes()) {
          i++;
          if (st != null) {
            value(out, e, unit, tx, "printing", "stroke " + i, null, "PrintPressure", st.printPressure(), null);
            value(out, e, unit, tx, "printing", "stroke " + i, null, "PrintSpeed", st.printSpeed(), null);
          }
        }
      }
      if (s.separation() != null) {
        value(out, e, unit, tx, "printing", null, null, "SeparationSpeed", s.separation().separationSpeed(), null);
        value(out, e, unit, tx, "printing", null, null, "SeparationDistance", s.separation().separationDistance(), null);
        value(out, e, unit, tx, "printing", null, null, "SeparationDelay", s.separation().separationDelay(), null);
      }
    } else if (data instanceof GenericProcessData g) {
      generic(out, e, unit, tx, null, g.setpoints(), g.readings(), g.parameters());
      if (g.stageData() != null) {
        for (GenericStageData sd : g.stageData()) {
          if (sd != null) {
            generic(out, e, unit, tx, stageName(sd.stage()), sd.setpoints(), sd.readings(), sd.parameters());
          }
        }
      }
    } else if (data instanceof UnknownStructure u) {
      out.processValues.add(e.eventTime(), unit, tx, station(e), "other", null, null, u.typeName().isEmpty() ? "ProcessData" : u.typeName(), null, null, null, e.uniqueId());
    }
  }

  private void zones(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, @Nullable List<ReflowZoneData> zones) {
    if (zones == null) {
      return;
    }
    for (ReflowZoneData z : zones) {
      if (z == null) {
        continue;
      }
      String zone = zoneName(z.zone());
      if (z.setpoints() != null) {
        for (ReflowSetPoint sp : z.setpoints()) {
          if (sp != null) {
            value(out, e, unit, tx, kind, zone, text(sp.subZone()), "setpoint:" + text(sp.setpointType()), sp.setpoint(), null);
          }
        }
      }
      if (z.readings() != null) {
        for (ReflowReading r : z.readings()) {
          if (r != null) {
            value(out, e, unit, tx, kind, zone, text(r.subZone()), "reading:" + text(r.readingType()), r.readingValue(), null);
          }
        }
      }
    }
  }

  private void generic(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, @Nullable String zone,
      @Nullable List<GenericValue> setpoints, @Nullable List<GenericValue> readings, @Nullable List<GenericParameter> parameters) {
    if (setpoints != null) {
      for (GenericValue v : setpoints) {
        if (v != null) {
          value(out, e, unit, tx, "generic", zone, null, "setpoint:" + v.name(), v.value() == null ? null : v.value().value(), v.value() == null ? null : v.value().valueUnits());
        }
      }
    }
    if (readings != null) {
      for (GenericValue v : readings) {
        if (v != null) {
          value(out, e, unit, tx, "generic", zone, null, "reading:" + v.name(), v.value() == null ? null : v.value().value(), v.value() == null ? null : v.value().valueUnits());
        }
      }
    }
    if (parameters != null) {
      for (GenericParameter p : parameters) {
        if (p != null) {
          out.processValues.add(e.eventTime(), unit, tx, station(e), "generic", zone, null, "parameter:" + p.name(), number(p.value()), p.value(), null, e.uniqueId());
        }
      }
    }
  }

  private void value(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, @Nullable String zone,
      @Nullable String subZone, String parameter, @Nullable Double value, @Nullable String uom) {
    if (value != null) {
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, zone, subZone, parameter, value, null, uom, e.uniqueId());
    }
  }

  // ---- assembly

  private void installed(StoreBatch out, StoredEnvelope e, @Nullable String tx, @Nullable List<InstalledMaterial> materials, String kind)
      throws SQLException {
    if (materials == null) {
      return;
    }
    for (InstalledMaterial im : materials) {
      if (!(im instanceof BasicInstalledMaterial m)) {
        continue; // AppliedMaterial carries no unit link of its own beyond its base fields
      }
      String unit = units.unit(tx, m.unitIdentifier(), m.unitPositionNumber(), e, out);
      MaterialPackage p = m.material();
      String packageId = p == null ? null : p.uniqueIdentifier();
      String part = p == null ? null : p.internalPartNumber();
      String lot = p == null ? null : p.batchId();
      MaterialCarrierLocation loc = m.carrierLocation();
      String location = loc == null ? null : loc.locationIdentifier();
      String carrier = loc == null ? null : carrierId(loc.carrierInformation());
      if (m.installedComponents() == null || m.installedComponents().isEmpty()) {
        out.unitMaterials.add(e.eventTime(), unit, null, packageId, part, lot, m.quantityInstalled(), station(e), location, carrier, null, tx, null, kind, e.uniqueId());
        continue;
      }
      for (InstalledComponent c : m.installedComponents()) {
        String designator = null;
        String installedUnit = null;
        String head = null;
        CfxTimestamp at = null;
        if (c instanceof SMTInstalledComponent s) {
          designator = s.referenceDesignator();
          installedUnit = s.installedUnitIdentifier();
          at = s.installationTime();
          head = head(s.headAndNozzle());
        } else if (c instanceof BasicInstalledComponent b) {
          designator = b.referenceDesignator();
          installedUnit = b.installedUnitIdentifier();
          at = b.installationTime();
        } else if (c instanceof UnknownStructure u && u.extensions().get("ReferenceDesignator") != null) {
          designator = u.extensions().get("ReferenceDesignator").asText();
        }
        Instant when = time(at, e);
        out.unitMaterials.add(when, unit, designator, packageId, part, lot, null, station(e), location, carrier, head, tx, installedUnit, kind, e.uniqueId());
        if (installedUnit != null) {
          // CFX 2.1 InstalledComponent.InstalledUnitIdentifier: a sub-assembly at that position
          out.unitEdges.add(unit, installedUnit, "subassembly", null, designator, station(e), tx, when, e.uniqueId());
        }
      }
    }
  }

  private void uninstalled(StoreBatch out, StoredEnvelope e, MaterialsUninstalled mu) throws SQLException {
    if (mu.uninstalledMaterials() == null) {
      return;
    }
    for (UninstalledMaterial um : mu.uninstalledMaterials()) {
      if (um == null) {
        continue;
      }
      String unit = units.unit(mu.transactionId(), um.unitIdentifier(), um.unitPositionNumber(), e, out);
      MaterialPackage p = um.material();
      out.unitMaterials.add(e.eventTime(), unit, null, p == null ? null : p.uniqueIdentifier(), p == null ? null : p.internalPartNumber(),
          p == null ? null : p.batchId(), um.quantityUninstalled(), station(e), null, null, null, mu.transactionId(), null, "uninstalled", e.uniqueId());
    }
  }

  private void personalized(StoreBatch out, StoredEnvelope e, UnitsPersonalized p) throws SQLException {
    if (p.personalizedUnits() == null) {
      return;
    }
    for (PersonalizedUnit pu : p.personalizedUnits()) {
      if (pu == null) {
        continue;
      }
      String unit = units.unit(p.transactionId(), pu.unitIdentifier(), pu.unitPositionNumber(), e, out);
      event(out, e, new Unit(unit, pu.unitPositionNumber(), null), "personalized", null, null, p.transactionId(), null, null, null);
      if (pu.characteristics() != null) {
        for (Characteristic c : pu.characteristics()) {
          if (c != null && c.name() != null) {
            out.characteristics.add(e.eventTime(), unit, c.name(), c.value(), station(e), p.transactionId(), e.uniqueId());
          }
        }
      }
    }
  }

  // ---- inspection, test, repair

  private void inspected(StoreBatch out, StoredEnvelope e, UnitsInspected i) throws SQLException {
    if (i.inspectedUnits() == null) {
      return;
    }
    String method = text(i.inspectionMethod());
    String inspector = i.inspector() == null ? null : i.inspector().operatorIdentifier();
    String recipe = recipe(i.recipeName(), i.recipeRevision());
    for (InspectedUnit iu : i.inspectedUnits()) {
      if (iu == null) {
        continue;
      }
      String unit = units.unit(i.transactionId(), iu.unitIdentifier(), iu.unitPositionNumber(), e, out);
      event(out, e, new Unit(unit, iu.unitPositionNumber(), null), "inspected", null, null, i.transactionId(), text(iu.overallResult()), recipe, null);
      if (iu.inspections() == null) {
        continue;
      }
      for (Inspection in : iu.inspections()) {
        if (in == null) {
          continue;
        }
        out.unitChecks.add(e.eventTime(), unit, "inspection", in.inspectionName(), in.uniqueIdentifier(), text(in.result()), instant(in.inspectionStartTime()),
            instant(in.inspectionEndTime()), station(e), i.transactionId(), method, inspector, recipe, e.uniqueId(), null);
        measurements(out, e, unit, "inspection", in.inspectionName(), i.transactionId(), in.measurements());
        defects(out, e, unit, in.inspectionName(), i.transactionId(), in.defectsFound());
        symptoms(out, e, unit, in.inspectionName(), i.transactionId(), in.symptoms());
      }
    }
  }

  private void tested(StoreBatch out, StoredEnvelope e, UnitsTested t) throws SQLException {
    if (t.testedUnits() == null) {
      return;
    }
    String method = text(t.testMethod());
    String tester = t.tester() == null ? null : t.tester().operatorIdentifier();
    String recipe = recipe(t.recipeName(), t.recipeRevision());
    for (TestedUnit tu : t.testedUnits()) {
      if (tu == null) {
        continue;
      }
      String unit = units.unit(t.transactionId(), tu.unitIdentifier(), tu.unitPositionNumber(), e, out);
      event(out, e, new Unit(unit, tu.unitPositionNumber(), null), "tested", null, null, t.transactionId(), text(tu.overallResult()), recipe, null);
      if (tu.tests() == null) {
        continue;
      }
      for (Test test : tu.tests()) {
        if (test == null) {
          continue;
        }
        out.unitChecks.add(e.eventTime(), unit, "test", test.testName(), test.uniqueIdentifier(), text(test.result()), instant(test.testStartTime()),
            instant(test.testEndTime()), station(e), t.transactionId(), method, tester, recipe, e.uniqueId(),
            test.error() == null ? null : JSON.objectNode().put("error", test.error()));
        measurements(out, e, unit, "test", test.testName(), t.transactionId(), test.measurements());
        defects(out, e, unit, test.testName(), t.transactionId(), test.defectsFound());
        symptoms(out, e, unit, test.testName(), t.transactionId(), test.symptomsFound());
      }
    }
  }

  private void repaired(StoreBatch out, StoredEnvelope e, UnitsRepaired r) throws SQLException {
    if (r.repairedUnits() == null) {
      return;
    }
    String operator = r.repairOperator() == null ? null : r.repairOperator().operatorIdentifier();
    for (RepairedUnit ru : r.repairedUnits()) {
      if (ru == null) {
        continue;
      }
      String unit = units.unit(r.transactionId(), ru.unitIdentifier(), ru.unitPositionNumber(), e, out);
      event(out, e, new Unit(unit, ru.unitPositionNumber(), null), "repaired", null, null, r.transactionId(), text(ru.overallResult()), null, null);
      if (ru.repairs() == null) {
        continue;
      }
      for (Repair rep : ru.repairs()) {
        if (rep == null) {
          continue;
        }
        ObjectNode d = JSON.objectNode();
        if (rep.componentOfInterest() != null) {
          d.put("referenceDesignator", rep.componentOfInterest().referenceDesignator());
        }
        if (rep.relatedDefectIdentifiers() != null) {
          rep.relatedDefectIdentifiers().forEach(d.putArray("relatedDefects")::add);
        }
        d.put("comments", rep.comments());
        out.unitChecks.add(e.eventTime(), unit, "repair", rep.repairName(), rep.uniqueIdentifier(), text(rep.result()), instant(rep.repairStartTime()),
            instant(rep.repairEndTime()), station(e), r.transactionId(), null, operator, null, e.uniqueId(), d);
      }
    }
  }

  private void measurements(StoreBatch out, StoredEnvelope e, String unit, String kind, @Nullable String check, @Nullable String tx,
      @Nullable List<Measurement> list) {
    if (list == null) {
      return;
    }
    for (Measurement m : list) {
      if (m instanceof NumericMeasurement n) {
        NumericValue v = n.measuredValue();
        out.measurements.add(time(n.timeRecorded(), e), unit, kind, check, n.measurementName(), n.crds(), v == null ? null : v.value(), null,
            v == null ? null : v.expectedValue(), v == null ? null : v.minimumAcceptableValue(), v == null ? null : v.maximumAcceptableValue(),
            v == null ? null : v.valueUnits(), text(n.result()), n.sequence(), station(e), tx, e.uniqueId(), null);
      } else if (m instanceof SolderPasteMeasurement s) {
        ObjectNode d = JSON.objectNode().put("x", s.x()).put("y", s.y()).put("z", s.z()).put("dx", s.dx()).put("dy", s.dy())
            .put("vol", s.vol()).put("area", s.a()).put("ar", s.ar()).put("px", s.px()).put("py", s.py()).put("rxy", s.rxy());
        out.measurements.add(time(s.timeRecorded(), e), unit, kind, check, s.measurementName(), s.crds(), s.vol(), null, null, null, null,
            "%vol", text(s.result()), s.sequence(), station(e), tx, e.uniqueId(), d);
      } else if (m instanceof BooleanMeasurement b) {
        out.measurements.add(time(b.timeRecorded(), e), unit, kind, check, b.measurementName(), b.crds(), b.value() == null ? null : (b.value() ? 1.0 : 0.0),
            b.value() == null ? null : b.value().toString(), b.expectedValue() == null ? null : (b.expectedValue() ? 1.0 : 0.0), null, null, null,
            text(b.result()), b.sequence(), station(e), tx, e.uniqueId(), null);
      } else if (m instanceof TextMeasurement t) {
        out.measurements.add(time(t.timeRecorded(), e), unit, kind, check, t.measurementName(), t.crds(), null, t.value(), null, null, null, null,
            text(t.result()), t.sequence(), station(e), tx, e.uniqueId(), t.expectedValue() == null ? null : JSON.objectNode().put("expected", t.expectedValue()));
      } else if (m instanceof UnknownStructure u) {
        JsonNode name = u.extensions().get("MeasurementName");
        out.measurements.add(e.eventTime(), unit, kind, check, name == null ? null : name.asText(), null, null, null, null, null, null, null, null, null,
            station(e), tx, e.uniqueId(), JSON.objectNode().put("type", u.typeName()));
      } else if (m != null) {
        out.measurements.add(e.eventTime(), unit, kind, check, null, null, null, null, null, null, null, null, null, null,
            station(e), tx, e.uniqueId(), JSON.objectNode().put("type", m.getClass().getSimpleName()));
      }
    }
  }

  private void defects(StoreBatch out, StoredEnvelope e, String unit, @Nullable String check, @Nullable String tx, @Nullable List<Defect> list) {
    if (list == null) {
      return;
    }
    for (Defect d : list) {
      if (d == null) {
        continue;
      }
      ComponentDesignator c = d.componentOfInterest();
      out.defects.add(e.eventTime(), unit, d.uniqueIdentifier(), check, d.defectCode(), d.defectCategory(), d.description(),
          c == null ? null : c.referenceDesignator(), c == null ? null : c.partNumber(), d.priority(), d.confidenceLevel(), text(d.verification()),
          station(e), tx, e.uniqueId());
    }
  }

  private void symptoms(StoreBatch out, StoredEnvelope e, String unit, @Nullable String check, @Nullable String tx, @Nullable List<Symptom> list) {
    if (list == null) {
      return;
    }
    for (Symptom s : list) {
      if (s == null) {
        continue;
      }
      ComponentDesignator c = s.componentsOfInterest() == null || s.componentsOfInterest().isEmpty() ? null : s.componentsOfInterest().get(0);
      out.defects.add(e.eventTime(), unit, s.uniqueIdentifier(), check, s.symptomCode(), "symptom:" + (s.symptomCategory() == null ? "" : s.symptomCategory()),
          s.description(), c == null ? null : c.referenceDesignator(), c == null ? null : c.partNumber(), s.priority(), null, text(s.status()),
          station(e), tx, e.uniqueId());
    }
  }

  // ---- materials

  private void load(StoreBatch out, StoredEnvelope e, @Nullable MaterialLocation loc) {
    if (loc == null || loc.materialPackage() == null || loc.materialPackage().uniqueIdentifier() == null) {
      return;
    }
    MaterialPackage p = loc.materialPackage();
    if (loc.locationIdentifier() != null) {
      out.closeMaterialSetupAtLocation(station(e), loc.locationIdentifier(), e.eventTime());
    }
    out.materialSetups.add(station(e), loc.locationIdentifier(), loc.locationName(), p.uniqueIdentifier(), p.internalPartNumber(), p.batchId(),
        carrierId(loc.carrierInformation()), null, e.eventTime(), null, null, e.uniqueId());
    material(out, e, p.uniqueIdentifier(), "loaded", p.internalPartNumber(), p.batchId(), p.quantity(), null,
        JSON.objectNode().put("location", loc.locationIdentifier()));
  }

  private static void material(StoreBatch out, StoredEnvelope e, String id, String type, @Nullable String part, @Nullable String lot,
      @Nullable Double quantity, @Nullable String related, @Nullable JsonNode details) {
    out.materialEvents.add(e.eventTime(), id, type, part, lot, quantity, related, station(e), e.uniqueId(), details);
  }

  // ---- station

  private void fault(StoreBatch out, StoredEnvelope e, Fault f) {
    String code = null;
    String id = null;
    String severity = null;
    String description = null;
    ObjectNode d = JSON.objectNode();
    if (f instanceof BasicFault b) {
      code = b.faultCode();
      id = b.faultOccurrenceId();
      severity = text(b.severity());
      description = b.description();
      d.put("cause", text(b.cause())).put("lane", b.lane()).put("transactionId", b.transactionId());
    } else if (f instanceof UnknownStructure u) {
      code = u.extensions().get("FaultCode") == null ? null : u.extensions().get("FaultCode").asText();
      id = u.extensions().get("FaultOccurrenceId") == null ? null : u.extensions().get("FaultOccurrenceId").asText();
      d.put("type", u.typeName());
    } else {
      d.put("type", f.getClass().getSimpleName());
    }
    stationEvent(out, e, "fault_occurred", null, null, null, code, id, severity, description, d);
  }

  private static void stationEvent(StoreBatch out, StoredEnvelope e, String type, @Nullable Integer code, @Nullable String name,
      @Nullable Integer oldCode, @Nullable String faultCode, @Nullable String faultId, @Nullable String severity, @Nullable String description,
      @Nullable JsonNode details) {
    out.stationEvents.add(e.eventTime(), station(e), type, code, name, oldCode, faultCode, faultId, severity, description, e.envelope().messageName(),
        e.uniqueId(), details);
  }

  // ---- helpers

  private static void event(StoreBatch out, StoredEnvelope e, Unit u, String type, @Nullable Integer lane, @Nullable String stage,
      @Nullable String tx, @Nullable String result, @Nullable String recipe, @Nullable JsonNode details) {
    out.unitEvents.add(e.eventTime(), u.key(), u.panelId(), u.position(), type, station(e), lane, stage, tx, result, operatorOf(e), recipe,
        e.envelope().messageName(), e.uniqueId(), details);
  }

  private static @Nullable String operatorOf(StoredEnvelope e) {
    return null; // operators are per station over time: see operator_session
  }

  private static String station(StoredEnvelope e) {
    return e.station() == null ? "unknown" : e.station();
  }

  private Instant time(@Nullable CfxTimestamp t, StoredEnvelope e) {
    return t == null || t.isUnset() ? e.eventTime() : t.toInstant(zoneless);
  }

  private @Nullable Instant instant(@Nullable CfxTimestamp t) {
    return t == null || t.isUnset() ? null : t.toInstant(zoneless);
  }

  private static @Nullable String text(@Nullable EnumValue<?> v) {
    return v == null ? null : v.text();
  }

  private static @Nullable Integer code(EnumValue<?> v) {
    if (v.known().isPresent()) {
      return ((CfxEnum) v.known().get()).code();
    }
    JsonNode w = v.wire().orElse(null);
    return w != null && w.canConvertToInt() ? w.intValue() : null;
  }

  private static @Nullable String recipe(@Nullable String name, @Nullable String revision) {
    if (name == null) {
      return null;
    }
    return revision == null || revision.isEmpty() ? name : name + " rev " + revision;
  }

  private static @Nullable String name(Operator op) {
    String first = op.firstName() == null ? "" : op.firstName();
    String last = op.lastName() == null ? "" : op.lastName();
    String n = (first + " " + last).trim();
    return n.isEmpty() ? null : n;
  }

  private static @Nullable String stageName(@Nullable Stage s) {
    if (s instanceof BasicStage b) {
      return b.stageName() != null ? b.stageName() : b.stageSequence() == null ? null : "stage " + b.stageSequence();
    }
    if (s instanceof ReflowZone z) {
      return z.stageName() != null ? z.stageName() : z.stageSequence() == null ? null : "zone " + z.stageSequence();
    }
    return null;
  }

  private static @Nullable String zoneName(@Nullable ReflowZone z) {
    if (z == null) {
      return null;
    }
    return z.stageName() != null ? z.stageName() : z.stageSequence() == null ? null : "zone " + z.stageSequence();
  }

  private static @Nullable String carrierId(@Nullable MaterialCarrier c) {
    if (c instanceof BasicMaterialCarrier b) {
      return b.uniqueIdentifier();
    }
    if (c instanceof io.cfxtrace.model.cfx.structures.smtplacement.SMDTapeFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof io.cfxtrace.model.cfx.structures.smtplacement.SMDTubeFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof io.cfxtrace.model.cfx.structures.smtplacement.SMDTrayFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof io.cfxtrace.model.cfx.structures.smtplacement.SMDBulkCaseFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof io.cfxtrace.model.cfx.structures.smtplacement.SMDMultiTrayFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof UnknownStructure u && u.extensions().get("UniqueIdentifier") != null) {
      return u.extensions().get("UniqueIdentifier").asText();
    }
    return null;
  }

  private static @Nullable String head(@Nullable SMTHeadAndNozzle h) {
    if (h == null) {
      return null;
    }
    return (h.headId() == null ? "" : "head " + h.headId()) + (h.headNozzleNumber() == null ? "" : " nozzle " + h.headNozzleNumber())
        + (h.nozzleType() == null ? "" : " (" + h.nozzleType() + ")");
  }

  private static @Nullable String designators(@Nullable List<ComponentDesignator> list) {
    if (list == null || list.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (ComponentDesignator c : list) {
      if (c != null && c.referenceDesignator() != null) {
        if (b.length() > 0) {
          b.append(',');
        }
        b.append(c.referenceDesignator());
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static @Nullable Double number(@Nullable String s) {
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
}
