package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.normalize.UnitResolver.Unit;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.production.processing.UnitsProcessed;
import io.cfxtrace.model.cfx.structures.GenericParameter;
import io.cfxtrace.model.cfx.structures.ProcessData;
import io.cfxtrace.model.cfx.structures.ProcessedUnit;
import io.cfxtrace.model.cfx.structures.generic.GenericProcessData;
import io.cfxtrace.model.cfx.structures.generic.GenericStageData;
import io.cfxtrace.model.cfx.structures.generic.GenericValue;
import io.cfxtrace.model.cfx.structures.reflowprofiling.ReflowProfilingProcessData;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingPCBProcessData;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Stroke;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReading;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetPoint;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneData;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * process data: UnitsProcessed (CFX.Production.Processing), one {@code unit_event} per unit
 * processed and its ProcessData as {@code process_value} rows, for the panel (CommonProcessData)
 * and per unit (UnitProcessData). The structures the model types are read member by member:
 * reflow (SolderReflow.ReflowProcessData, ReflowProfiling), printing
 * (SolderPastePrinting.SolderPastePrintingPCBProcessData) and Generic.GenericProcessData; a
 * structure it does not type (coating, selective or wave solder, cleaning...) is flattened into
 * values named by their path. Where each message lands: {@link Projections}.
 */
final class ProcessDataProjector extends Projector {

  /** the most process values one unknown process-data structure is flattened into. */
  private static final int MAX_FLATTENED = 500;

  ProcessDataProjector(UnitResolver units, ZoneOffset zoneless) {
    super(units, zoneless);
  }

  void unitsProcessed(StoreBatch out, StoredEnvelope e, UnitsProcessed p) throws SQLException {
    String tx = tx(p.transactionId());
    if (p.commonProcessData() != null) {
      processData(out, e, null, tx, p.commonProcessData());
    }
    List<ProcessedUnit> list = present(p.unitProcessData());
    if (!list.isEmpty()) {
      List<Unit> keys = units.perUnit(tx, named(list, ProcessedUnit::unitIdentifier, ProcessedUnit::unitPositionNumber), e, out);
      for (int i = 0; i < list.size(); i++) {
        ProcessedUnit pu = list.get(i);
        Unit unit = keys.get(i);
        event(out, e, unit, "processed", null, null, tx, text(pu.unitResult() != null ? pu.unitResult() : p.overallResult()), null, null);
        if (pu.unitProcessData() != null) {
          processData(out, e, unit.key(), tx, pu.unitProcessData());
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
      text(out, e, unit, tx, "reflow_profiling", "LotID", r.lotId());
      text(out, e, unit, tx, "reflow_profiling", "Barcode", r.barcode());
      zones(out, e, unit, tx, "reflow_profiling", r.zoneData());
    } else if (data instanceof SolderPastePrintingPCBProcessData s) {
      value(out, e, unit, tx, "printing", null, null, "OffsetX", s.offsetX(), "mm");
      value(out, e, unit, tx, "printing", null, null, "OffsetY", s.offsetY(), "mm");
      value(out, e, unit, tx, "printing", null, null, "OffsetTheta", s.offsetTheta(), "deg");
      value(out, e, unit, tx, "printing", null, null, "PrePrintStretch", s.prePrintStretch(), null);
      value(out, e, unit, tx, "printing", null, null, "PostPrintStretch", s.postPrintStretch(), null);
      text(out, e, unit, tx, "printing", "RecipeName", s.recipeName());
      text(out, e, unit, tx, "printing", "FirstPrintDirection", s.firstPrintDirection());
      if (s.cycleTime() != null) {
        // in seconds without Duration#toNanos, which overflows past 292 years (a TimeSpan goes to
        // 10,675,199 days)
        java.time.Duration cycle = s.cycleTime().duration();
        value(out, e, unit, tx, "printing", null, null, "CycleTime", cycle.getSeconds() + cycle.getNano() / 1e9, "s");
      }
      int i = 0;
      for (Stroke st : present(s.strokes())) {
        i++;
        value(out, e, unit, tx, "printing", "stroke " + i, null, "PrintPressure", st.printPressure(), null);
        value(out, e, unit, tx, "printing", "stroke " + i, null, "PrintSpeed", st.printSpeed(), null);
      }
      if (s.separation() != null) {
        value(out, e, unit, tx, "printing", null, null, "SeparationSpeed", s.separation().separationSpeed(), null);
        value(out, e, unit, tx, "printing", null, null, "SeparationDistance", s.separation().separationDistance(), null);
        value(out, e, unit, tx, "printing", null, null, "SeparationDelay", s.separation().separationDelay(), null);
      }
    } else if (data instanceof GenericProcessData g) {
      generic(out, e, unit, tx, null, g.setpoints(), g.readings(), g.parameters());
      for (GenericStageData sd : present(g.stageData())) {
        generic(out, e, unit, tx, stageName(sd.stage()), sd.setpoints(), sd.readings(), sd.parameters());
      }
    } else if (data instanceof UnknownStructure u) {
      // a process the model does not type (coating, selective/wave solder, cleaning, router...):
      // every number and text leaf becomes a value named by its path
      String kind = shortTypeName(u.typeName());
      int[] budget = {MAX_FLATTENED};
      for (Map.Entry<String, JsonNode> member : u.extensions().entrySet()) {
        flatten(out, e, unit, tx, kind, member.getKey(), member.getValue(), budget);
      }
      if (budget[0] == MAX_FLATTENED) {
        out.processValues.add(e.eventTime(), unit, tx, station(e), kind, null, null, "ProcessData", null, u.typeName(), null, e.uniqueId(), null);
      }
    }
  }

  private void flatten(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, String path, JsonNode n,
      int[] budget) {
    if (budget[0] <= 0 || n == null || n.isNull() || path.equals("$type")) {
      return;
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getKey().equals("$type")) {
          flatten(out, e, unit, tx, kind, path + "." + f.getKey(), f.getValue(), budget);
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        flatten(out, e, unit, tx, kind, path + "[" + i + "]", n.get(i), budget);
      }
    } else if (n.isNumber() && Double.isFinite(n.doubleValue())) {
      budget[0]--;
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, null, null, path, n.doubleValue(), null, null, e.uniqueId(), null);
    } else if (n.isTextual() || n.isBoolean()) {
      budget[0]--;
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, null, null, path, number(n.asText()), n.asText(), null, e.uniqueId(), null);
    }
  }

  private void zones(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, @Nullable List<ReflowZoneData> zones) {
    for (ReflowZoneData z : present(zones)) {
      String zone = zoneName(z.zone());
      // the zone's place in the oven (CFX Stage.StageSequence): readers order the zones by it, as
      // names do not sort (Zone1, Zone10, Zone2...)
      Integer sequence = z.zone() == null ? null : z.zone().stageSequence();
      for (ReflowSetPoint sp : present(z.setpoints())) {
        zoneValue(out, e, unit, tx, kind, zone, sequence, text(sp.subZone()), "setpoint:" + text(sp.setpointType()), sp.setpoint(), null);
      }
      for (ReflowReading r : present(z.readings())) {
        zoneValue(out, e, unit, tx, kind, zone, sequence, text(r.subZone()), "reading:" + text(r.readingType()), r.readingValue(), null);
      }
    }
  }

  private void generic(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, @Nullable String zone,
      @Nullable List<GenericValue> setpoints, @Nullable List<GenericValue> readings, @Nullable List<GenericParameter> parameters) {
    for (GenericValue v : present(setpoints)) {
      value(out, e, unit, tx, "generic", zone, null, "setpoint:" + v.name(), v.value() == null ? null : v.value().value(),
          v.value() == null ? null : v.value().valueUnits());
    }
    for (GenericValue v : present(readings)) {
      value(out, e, unit, tx, "generic", zone, null, "reading:" + v.name(), v.value() == null ? null : v.value().value(),
          v.value() == null ? null : v.value().valueUnits());
    }
    for (GenericParameter p : present(parameters)) {
      out.processValues.add(e.eventTime(), unit, tx, station(e), "generic", zone, null, "parameter:" + p.name(), number(p.value()), p.value(), null,
          e.uniqueId(), null);
    }
  }

  private static void value(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, @Nullable String zone,
      @Nullable String subZone, String parameter, @Nullable Double value, @Nullable String uom) {
    zoneValue(out, e, unit, tx, kind, zone, null, subZone, parameter, value, uom);
  }

  /** a value of a zone that has a place in its machine (a reflow zone's StageSequence), if known. */
  private static void zoneValue(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, @Nullable String zone,
      @Nullable Integer zoneSequence, @Nullable String subZone, String parameter, @Nullable Double value, @Nullable String uom) {
    if (value != null) {
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, zone, subZone, parameter, value, null, uom, e.uniqueId(), zoneSequence);
    }
  }

  private static void text(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, String parameter,
      @Nullable String value) {
    if (value != null) {
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, null, null, parameter, null, value, null, e.uniqueId(), null);
    }
  }

  /** {@code CFX.Structures.Coating.CoatingProcessData, CFX} to {@code CoatingProcessData}. */
  private static String shortTypeName(String typeName) {
    String t = typeName;
    int comma = t.indexOf(',');
    if (comma >= 0) {
      t = t.substring(0, comma);
    }
    t = t.trim();
    int dot = t.lastIndexOf('.');
    t = dot >= 0 ? t.substring(dot + 1) : t;
    return t.isEmpty() ? "other" : t;
  }
}
