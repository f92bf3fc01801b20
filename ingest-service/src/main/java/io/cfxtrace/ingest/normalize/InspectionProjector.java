package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.normalize.UnitResolver.Unit;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.production.ReadingsRecorded;
import io.cfxtrace.model.cfx.production.assembly.UnitsPersonalized;
import io.cfxtrace.model.cfx.production.reworkandrepair.UnitsRepaired;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.structures.BooleanMeasurement;
import io.cfxtrace.model.cfx.structures.Characteristic;
import io.cfxtrace.model.cfx.structures.ComponentDesignator;
import io.cfxtrace.model.cfx.structures.Defect;
import io.cfxtrace.model.cfx.structures.InspectedPanel;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.Inspection;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.NumericMeasurement;
import io.cfxtrace.model.cfx.structures.NumericValue;
import io.cfxtrace.model.cfx.structures.PersonalizedUnit;
import io.cfxtrace.model.cfx.structures.Reading;
import io.cfxtrace.model.cfx.structures.Repair;
import io.cfxtrace.model.cfx.structures.RepairedUnit;
import io.cfxtrace.model.cfx.structures.Symptom;
import io.cfxtrace.model.cfx.structures.Test;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.TextMeasurement;
import io.cfxtrace.model.cfx.structures.pcbinspection.OffsetMeasurement;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionMeasurementExpected;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionMeasurementLean;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * inspection and test: what a station found out about, or recorded into, each unit. Inspections,
 * tests and repairs (CFX.Production.TestAndInspection, CFX.Production.ReworkAndRepair) give one
 * {@code unit_check} row per check with its measurements ({@code measurement}) and its
 * defects and symptoms ({@code defect}); ReadingsRecorded gives measurements without a check;
 * UnitsPersonalized gives the unit's characteristics ({@code unit_characteristic}).
 *
 * <p>UnitsPersonalized sits here although CFX files it under Assembly: it installs no material
 * and moves no unit, but records name/value facts about each unit (a MAC address, a programmed
 * serial), per unit and resolved like the results of an inspection or test, which is what this
 * projector does for every message it handles.
 *
 * <p>Where each message lands: {@link Projections}.
 */
final class InspectionProjector extends Projector {

  InspectionProjector(UnitResolver units, ZoneOffset zoneless) {
    super(units, zoneless);
  }

  // ---- CFX.Production.TestAndInspection, CFX.Production.ReworkAndRepair

  void unitsInspected(StoreBatch out, StoredEnvelope e, UnitsInspected i) throws SQLException {
    String tx = tx(i.transactionId());
    String method = text(i.inspectionMethod());
    String inspector = i.inspector() == null ? null : i.inspector().operatorIdentifier();
    String recipe = recipe(i.recipeName(), i.recipeRevision());
    List<InspectedUnit> list = present(i.inspectedUnits());
    List<Unit> keys = units.perUnit(tx, named(list, InspectedUnit::unitIdentifier, InspectedUnit::unitPositionNumber), e, out);
    for (int k = 0; k < list.size(); k++) {
      InspectedUnit iu = list.get(k);
      Unit unit = keys.get(k);
      event(out, e, unit, "inspected", null, null, tx, text(iu.overallResult()), recipe, null);
      inspections(out, e, unit.key(), tx, method, inspector, recipe, iu.inspections());
    }
    InspectedPanel panel = i.inspectedPanel();
    if (panel != null && (panel.inspections() != null || panel.overallResult() != null)) {
      // CFX 1.6 InspectedPanel: panel-level inspections (fiducials, stretch, panel variant)
      String panelId = panel.unitIdentifier() != null && !panel.unitIdentifier().isBlank() ? panel.unitIdentifier() : null;
      if (panelId == null) {
        UnitResolver.Tx t = units.tx(tx);
        panelId = t != null && t.panelId != null ? t.panelId : tx != null ? tx + "#panel" : "unknown";
      }
      ObjectNode d = JSON.objectNode().put("level", "panel").put("pcbVariant", panel.pcbVariant()).put("stretch", panel.stretch());
      event(out, e, new Unit(panelId, null, null), "inspected", null, null, tx, text(panel.overallResult()), recipe, d);
      inspections(out, e, panelId, tx, method, inspector, recipe, panel.inspections());
    }
  }

  private void inspections(StoreBatch out, StoredEnvelope e, String unit, @Nullable String tx, @Nullable String method, @Nullable String inspector,
      @Nullable String recipe, @Nullable List<Inspection> inspections) {
    for (Inspection in : present(inspections)) {
      ObjectNode d = null;
      if (in.verification() != null || in.error() != null || in.testProcedure() != null) {
        d = JSON.objectNode().put("verification", text(in.verification())).put("error", in.error()).put("testProcedure", in.testProcedure());
      }
      out.unitChecks.add(e.eventTime(), unit, "inspection", in.inspectionName(), in.uniqueIdentifier(), text(in.result()),
          instant(in.inspectionStartTime()), instant(in.inspectionEndTime()), station(e), tx, method, inspector, recipe, e.uniqueId(), d);
      checkMeasurements(out, e, unit, "inspection", in.inspectionName(), tx, in.measurements(), in.defectsFound(), in.symptoms());
      defects(out, e, unit, in.inspectionName(), tx, in.defectsFound());
      symptoms(out, e, unit, in.inspectionName(), tx, in.symptoms());
    }
  }

  void unitsTested(StoreBatch out, StoredEnvelope e, UnitsTested t) throws SQLException {
    String tx = tx(t.transactionId());
    String method = text(t.testMethod());
    String tester = t.tester() == null ? null : t.tester().operatorIdentifier();
    String recipe = recipe(t.recipeName(), t.recipeRevision());
    List<TestedUnit> list = present(t.testedUnits());
    List<Unit> keys = units.perUnit(tx, named(list, TestedUnit::unitIdentifier, TestedUnit::unitPositionNumber), e, out);
    for (int k = 0; k < list.size(); k++) {
      TestedUnit tu = list.get(k);
      String unit = keys.get(k).key();
      event(out, e, keys.get(k), "tested", null, null, tx, text(tu.overallResult()), recipe, JSON.objectNode().put("method", method));
      for (Test test : present(tu.tests())) {
        ObjectNode d = null;
        if (test.error() != null || test.testProcedure() != null) {
          d = JSON.objectNode().put("error", test.error()).put("testProcedure", test.testProcedure());
        }
        out.unitChecks.add(e.eventTime(), unit, "test", test.testName(), test.uniqueIdentifier(), text(test.result()), instant(test.testStartTime()),
            instant(test.testEndTime()), station(e), tx, method, tester, recipe, e.uniqueId(), d);
        checkMeasurements(out, e, unit, "test", test.testName(), tx, test.measurements(), test.defectsFound(), test.symptomsFound());
        defects(out, e, unit, test.testName(), tx, test.defectsFound());
        symptoms(out, e, unit, test.testName(), tx, test.symptomsFound());
      }
    }
  }

  void unitsRepaired(StoreBatch out, StoredEnvelope e, UnitsRepaired r) throws SQLException {
    String tx = tx(r.transactionId());
    String operator = r.repairOperator() == null ? null : r.repairOperator().operatorIdentifier();
    List<RepairedUnit> list = present(r.repairedUnits());
    List<Unit> keys = units.perUnit(tx, named(list, RepairedUnit::unitIdentifier, RepairedUnit::unitPositionNumber), e, out);
    for (int k = 0; k < list.size(); k++) {
      RepairedUnit ru = list.get(k);
      String unit = keys.get(k).key();
      event(out, e, keys.get(k), "repaired", null, null, tx, text(ru.overallResult()), null, null);
      for (Repair rep : present(ru.repairs())) {
        ObjectNode d = JSON.objectNode();
        if (rep.componentOfInterest() != null) {
          d.put("referenceDesignator", rep.componentOfInterest().referenceDesignator());
          d.put("partNumber", rep.componentOfInterest().partNumber());
        }
        var defects = d.putArray("relatedDefects");
        present(rep.relatedDefectIdentifiers()).forEach(defects::add);
        var symptoms = d.putArray("relatedSymptoms");
        present(rep.relatedSymptomIdentifiers()).forEach(symptoms::add);
        d.put("comments", rep.comments());
        d.put("error", rep.error());
        out.unitChecks.add(e.eventTime(), unit, "repair", rep.repairName(), rep.uniqueIdentifier(), text(rep.result()), instant(rep.repairStartTime()),
            instant(rep.repairEndTime()), station(e), tx, null, operator, null, e.uniqueId(), d);
        // reclassified defects and symptoms are new verdicts on the unit
        defects(out, e, unit, rep.repairName(), tx, rep.reclassifiedDefects());
        symptoms(out, e, unit, rep.repairName(), tx, rep.reclassifiedSymptoms());
      }
    }
  }

  /**
   * the measurements of a check, and those its defects and symptoms relate to (a failed test often
   * carries its failing value only there); each measurement UniqueIdentifier once per check.
   */
  private void checkMeasurements(StoreBatch out, StoredEnvelope e, String unit, String kind, @Nullable String check, @Nullable String tx,
      @Nullable List<Measurement> measurements, @Nullable List<Defect> defects, @Nullable List<Symptom> symptoms) {
    Set<String> seen = new HashSet<>();
    measurements(out, e, unit, kind, check, tx, measurements, seen, null);
    for (Defect d : present(defects)) {
      measurements(out, e, unit, kind, check, tx, d.relatedMeasurements(), seen, d.uniqueIdentifier());
    }
    for (Symptom s : present(symptoms)) {
      measurements(out, e, unit, kind, check, tx, s.relatedMeasurements(), seen, s.uniqueIdentifier());
    }
  }

  private void measurements(StoreBatch out, StoredEnvelope e, String unit, String kind, @Nullable String check, @Nullable String tx,
      @Nullable List<Measurement> list, Set<String> seen, @Nullable String relatedTo) {
    for (Measurement m : present(list)) {
      String id = measurementId(m);
      if (id == null || seen.add(id)) {
        measurement(out, e, unit, kind, check, tx, m, relatedTo);
      }
    }
  }

  private void measurement(StoreBatch out, StoredEnvelope e, String unit, String kind, @Nullable String check, @Nullable String tx, Measurement m,
      @Nullable String relatedTo) {
    // the geometry of deposits and features goes to its columns (V17: as jsonb it cost five times
    // the rest of the row to store), in the order of StoreBatch.measurements after details:
    // x ex y ey z ez dx dy dz vol e_vol a ea ar px py rxy rzx rzy
    if (m instanceof NumericMeasurement n) {
      NumericValue v = n.measuredValue();
      row(out, time(n.timeRecorded(), e), unit, kind, check, n.measurementName(), n.crds(), v == null ? null : v.value(), null,
          v == null ? null : v.expectedValue(), v == null ? null : v.minimumAcceptableValue(), v == null ? null : v.maximumAcceptableValue(),
          v == null ? null : v.valueUnits(), text(n.result()), n.sequence(), station(e), tx, e, related(limitUnits(v), relatedTo), NO_GEOMETRY);
    } else if (m instanceof SolderPasteMeasurement s) {
      row(out, time(s.timeRecorded(), e), unit, kind, check, name(s.measurementName(), s.crds()), s.crds(), s.vol(), null, s.eVol(),
          null, null, null, text(s.result()), s.sequence(), station(e), tx, e, related(null, relatedTo),
          new @Nullable Double[] {s.x(), s.ex(), s.y(), s.ey(), s.z(), s.ez(), s.dx(), s.dy(), null, s.vol(), s.eVol(), s.a(), s.ea(), s.ar(), s.px(),
              s.py(), s.rxy(), null, null});
    } else if (m instanceof InspectionMeasurementLean s) {
      row(out, time(s.timeRecorded(), e), unit, kind, check, name(s.measurementName(), s.crds()), s.crds(), s.vol(), null, null,
          null, null, null, text(s.result()), s.sequence(), station(e), tx, e, related(null, relatedTo),
          new @Nullable Double[] {s.x(), null, s.y(), null, s.z(), null, s.dx(), s.dy(), null, s.vol(), null, s.a(), null, null, null, null, null, null,
              null});
    } else if (m instanceof InspectionMeasurementExpected s) {
      row(out, time(s.timeRecorded(), e), unit, kind, check, name(s.measurementName(), s.crds()), s.crds(), null, null, s.eVol(),
          null, null, null, text(s.result()), s.sequence(), station(e), tx, e, related(null, relatedTo),
          new @Nullable Double[] {null, s.ex(), null, s.ey(), null, s.ez(), null, null, null, null, s.eVol(), null, s.ea(), s.ar(), s.px(), s.py(),
              s.rxy(), null, null});
    } else if (m instanceof OffsetMeasurement o) {
      // PCBInspection.OffsetMeasurement: a placement offset; the value is the planar offset
      Double offset = o.dx() == null || o.dy() == null ? null : Math.hypot(o.dx(), o.dy());
      row(out, time(o.timeRecorded(), e), unit, kind, check, name(o.measurementName(), o.crds()), o.crds(), offset, null, null,
          null, null, null, text(o.result()), o.sequence(), station(e), tx, e, related(null, relatedTo),
          new @Nullable Double[] {null, null, null, null, null, null, o.dx(), o.dy(), o.dz(), null, null, null, null, null, null, null, o.rxy(), o.rzx(),
              o.rzy()});
    } else if (m instanceof BooleanMeasurement b) {
      row(out, time(b.timeRecorded(), e), unit, kind, check, b.measurementName(), b.crds(), b.value() == null ? null : (b.value() ? 1.0 : 0.0),
          b.value() == null ? null : b.value().toString(), b.expectedValue() == null ? null : (b.expectedValue() ? 1.0 : 0.0), null, null, null,
          text(b.result()), b.sequence(), station(e), tx, e, related(null, relatedTo), NO_GEOMETRY);
    } else if (m instanceof TextMeasurement t) {
      row(out, time(t.timeRecorded(), e), unit, kind, check, t.measurementName(), t.crds(), null, t.value(), null, null, null, null,
          text(t.result()), t.sequence(), station(e), tx, e,
          related(t.expectedValue() == null ? null : JSON.objectNode().put("expected", t.expectedValue()), relatedTo), NO_GEOMETRY);
    } else if (m instanceof UnknownStructure u) {
      ObjectNode d = JSON.objectNode().put("type", u.typeName());
      u.extensions().forEach((k, v) -> {
        if (!k.equals("$type")) {
          d.set(k, v);
        }
      });
      row(out, e.eventTime(), unit, kind, check, string(u.extensions().get("MeasurementName")), string(u.extensions().get("CRDs")),
          null, null, null, null, null, null, string(u.extensions().get("Result")), null, station(e), tx, e, related(d, relatedTo), NO_GEOMETRY);
    } else {
      row(out, e.eventTime(), unit, kind, check, null, null, null, null, null, null, null, null, null, null,
          station(e), tx, e, related(JSON.objectNode().put("type", m.getClass().getSimpleName()), relatedTo), NO_GEOMETRY);
    }
  }

  private static final @Nullable Double[] NO_GEOMETRY = new Double[StoreBatch.GEOMETRY];

  /** a measurement row: the columns of V1, then the geometry of V17. */
  private static void row(StoreBatch out, Object time, String unit, String kind, @Nullable String check, @Nullable String name,
      @Nullable String designators, @Nullable Double value, @Nullable String valueText, @Nullable Double expected, @Nullable Double lower,
      @Nullable Double upper, @Nullable String unitOfMeasure, @Nullable String result, @Nullable Integer sequence, @Nullable String station,
      @Nullable String tx, StoredEnvelope e, @Nullable JsonNode details, @Nullable Double[] geometry) {
    Object[] r = new Object[18 + StoreBatch.GEOMETRY];
    r[0] = time;
    r[1] = unit;
    r[2] = kind;
    r[3] = check;
    r[4] = name;
    r[5] = designators;
    r[6] = value;
    r[7] = valueText;
    r[8] = expected;
    r[9] = lower;
    r[10] = upper;
    r[11] = unitOfMeasure;
    r[12] = result;
    r[13] = sequence;
    r[14] = station;
    r[15] = tx;
    r[16] = e.uniqueId();
    r[17] = details;
    System.arraycopy(geometry, 0, r, 18, StoreBatch.GEOMETRY);
    out.measurements.add(r);
  }

  /** details, with the defect or symptom a related measurement belongs to. */
  private static @Nullable JsonNode related(@Nullable JsonNode details, @Nullable String relatedTo) {
    if (relatedTo == null) {
      return details;
    }
    ObjectNode d = details instanceof ObjectNode o ? o : JSON.objectNode();
    return d.put("relatedTo", relatedTo);
  }

  private static @Nullable String measurementId(Measurement m) {
    if (m instanceof NumericMeasurement x) {
      return x.uniqueIdentifier();
    }
    if (m instanceof SolderPasteMeasurement x) {
      return x.uniqueIdentifier();
    }
    if (m instanceof InspectionMeasurementLean x) {
      return x.uniqueIdentifier();
    }
    if (m instanceof InspectionMeasurementExpected x) {
      return x.uniqueIdentifier();
    }
    if (m instanceof OffsetMeasurement x) {
      return x.uniqueIdentifier();
    }
    if (m instanceof BooleanMeasurement x) {
      return x.uniqueIdentifier();
    }
    if (m instanceof TextMeasurement x) {
      return x.uniqueIdentifier();
    }
    if (m instanceof UnknownStructure u) {
      return string(u.extensions().get("UniqueIdentifier"));
    }
    return null;
  }

  /** the units of a NumericValue's expected value and limits, when they differ from its value's. */
  private static @Nullable JsonNode limitUnits(@Nullable NumericValue v) {
    if (v == null) {
      return null;
    }
    String u = v.valueUnits();
    boolean same = eq(u, v.expectedValueUnits()) && eq(u, v.minimumAcceptableValueUnits()) && eq(u, v.maximumAcceptableValueUnits());
    if (same) {
      return null;
    }
    return JSON.objectNode().put("expectedUnits", v.expectedValueUnits()).put("minimumUnits", v.minimumAcceptableValueUnits())
        .put("maximumUnits", v.maximumAcceptableValueUnits());
  }

  private static boolean eq(@Nullable String valueUnits, @Nullable String other) {
    return other == null || other.equals(valueUnits);
  }

  private static @Nullable String name(@Nullable String measurementName, @Nullable String crds) {
    return measurementName != null ? measurementName : crds;
  }

  private void defects(StoreBatch out, StoredEnvelope e, String unit, @Nullable String check, @Nullable String tx, @Nullable List<Defect> list) {
    for (Defect d : present(list)) {
      ComponentDesignator c = d.componentOfInterest();
      out.defects.add(e.eventTime(), unit, d.uniqueIdentifier(), check, d.defectCode(), d.defectCategory(), d.description(),
          c == null ? null : c.referenceDesignator(), c == null ? null : c.partNumber(), d.priority(), d.confidenceLevel(), text(d.verification()),
          station(e), tx, e.uniqueId());
    }
  }

  private void symptoms(StoreBatch out, StoredEnvelope e, String unit, @Nullable String check, @Nullable String tx, @Nullable List<Symptom> list) {
    for (Symptom s : present(list)) {
      List<ComponentDesignator> cs = present(s.componentsOfInterest());
      ComponentDesignator c = cs.isEmpty() ? null : cs.get(0);
      out.defects.add(e.eventTime(), unit, s.uniqueIdentifier(), check, s.symptomCode(), "symptom:" + (s.symptomCategory() == null ? "" : s.symptomCategory()),
          s.description(), cs.size() > 1 ? designators(cs) : c == null ? null : c.referenceDesignator(), c == null ? null : c.partNumber(),
          s.priority(), null, text(s.status()), station(e), tx, e.uniqueId());
    }
  }

  // ---- CFX.Production.ReadingsRecorded, CFX.Production.Assembly.UnitsPersonalized

  void readingsRecorded(StoreBatch out, StoredEnvelope e, ReadingsRecorded r) throws SQLException {
    String tx = tx(r.transactionId());
    List<Reading> list = present(r.readings());
    List<Unit> keys = units.perUnit(tx, named(list, Reading::unitIdentifier, Reading::unitPositionNumber), e, out);
    for (int i = 0; i < list.size(); i++) {
      Reading rd = list.get(i);
      row(out,
          time(rd.timeRecorded(), e), keys.get(i).key(), "reading", null, rd.readingIdentifier(), designators(rd.components()), number(rd.value()),
          rd.value(), number(rd.expectedValue()), number(rd.minimumAcceptableValue()), number(rd.maximumAcceptableValue()), rd.valueUnits(),
          text(rd.result()), rd.readingSequence(), station(e), tx, e,
          rd.binaryValue() == null ? null : JSON.objectNode().put("mimeType", rd.valueMimeType()).put("binaryLength", rd.binaryValue().length()),
          NO_GEOMETRY);
    }
  }

  void unitsPersonalized(StoreBatch out, StoredEnvelope e, UnitsPersonalized p) throws SQLException {
    String tx = tx(p.transactionId());
    List<PersonalizedUnit> list = present(p.personalizedUnits());
    List<Unit> keys = units.perUnit(tx, named(list, PersonalizedUnit::unitIdentifier, PersonalizedUnit::unitPositionNumber), e, out);
    for (int i = 0; i < list.size(); i++) {
      PersonalizedUnit pu = list.get(i);
      Unit unit = keys.get(i);
      event(out, e, unit, "personalized", null, null, tx, null, null, null);
      for (Characteristic c : present(pu.characteristics())) {
        if (c.name() != null) {
          out.characteristics.add(e.eventTime(), unit.key(), c.name(), c.value(), station(e), tx, e.uniqueId());
        }
      }
    }
  }

  private static @Nullable String designators(@Nullable List<ComponentDesignator> list) {
    StringBuilder b = new StringBuilder();
    for (ComponentDesignator c : present(list)) {
      if (c.referenceDesignator() != null) {
        if (b.length() > 0) {
          b.append(',');
        }
        b.append(c.referenceDesignator());
      }
    }
    return b.length() == 0 ? null : b.toString();
  }
}
