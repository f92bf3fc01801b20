package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.normalize.UnitResolver.Unit;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.cfx.production.ActivitiesExecuted;
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
import io.cfxtrace.model.cfx.production.loadingandunloading.UnitsLoaded;
import io.cfxtrace.model.cfx.production.loadingandunloading.UnitsUnloaded;
import io.cfxtrace.model.cfx.sensor.identification.IdentifiersRead;
import io.cfxtrace.model.cfx.structures.Stage;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * unit flow: how units go through a station. The work cycle and its stages (CFX.Production
 * WorkStarted ... WorkCompleted, WorkStage*), arrival and departure, the birth and reading of unit
 * identifiers, disqualification, loading into and out of carriers, executed activities: one {@code
 * unit_event} row per unit named, and the carrier edge of UnitsLoaded. WorkStarted and
 * UnitsInitialized teach a transaction its units by position ({@link UnitResolver#units}); the
 * stage and activity messages, which name no unit, land on the units their transaction knows.
 * Where each message lands: {@link Projections}.
 */
final class UnitFlowProjector extends Projector {

  UnitFlowProjector(UnitResolver units, ZoneOffset zoneless) {
    super(units, zoneless);
  }

  void workStarted(StoreBatch out, StoredEnvelope e, WorkStarted w) throws SQLException {
    String tx = tx(w.transactionId());
    String recipe = recipe(w.recipeName(), w.revision());
    ObjectNode d = JSON.objectNode();
    if (w.workOrderIdentifier() != null) {
      d.put("workOrder", w.workOrderIdentifier().workOrderId());
      d.put("batch", w.workOrderIdentifier().batch());
    }
    d.put("surface", text(w.relevantSurface()));
    d.put("hermesIdentifier", w.hermesIdentifier());
    for (Unit u : units.units(tx, w.primaryIdentifier(), w.units(), true, e, out)) {
      event(out, e, u, "work_started", w.lane(), null, tx, null, recipe, d, w.workOrderIdentifier());
    }
  }

  void workCompleted(StoreBatch out, StoredEnvelope e, WorkCompleted w) throws SQLException {
    String tx = tx(w.transactionId());
    ObjectNode d = null;
    if (w.performanceImpacts() != null && !w.performanceImpacts().isEmpty()) {
      d = JSON.objectNode();
      var impacts = d.putArray("performanceImpacts");
      w.performanceImpacts().forEach(p -> impacts.add(p == null ? null : text(p.cause())));
    }
    for (Unit u : units.units(tx, w.primaryIdentifier(), w.units(), true, e, out)) {
      event(out, e, u, "work_completed", null, null, tx, text(w.result()), null, d);
    }
  }

  void workStageStarted(StoreBatch out, StoredEnvelope e, WorkStageStarted w) throws SQLException {
    stage(out, e, tx(w.transactionId()), w.stage(), "stage_started", null);
  }

  void workStageCompleted(StoreBatch out, StoredEnvelope e, WorkStageCompleted w) throws SQLException {
    stage(out, e, tx(w.transactionId()), w.stage(), "stage_completed", text(w.result()));
  }

  void workStagePaused(StoreBatch out, StoredEnvelope e, WorkStagePaused w) throws SQLException {
    stage(out, e, tx(w.transactionId()), w.stage(), "stage_paused", text(w.pauseReason()));
  }

  void workStageResumed(StoreBatch out, StoredEnvelope e, WorkStageResumed w) throws SQLException {
    stage(out, e, tx(w.transactionId()), w.stage(), "stage_resumed", null);
  }

  void unitsArrived(StoreBatch out, StoredEnvelope e, UnitsArrived a) throws SQLException {
    for (Unit u : units.units(null, a.primaryIdentifier(), a.units(), false, e, out)) {
      event(out, e, u, "arrived", a.lane(), null, null, null, null, null);
    }
  }

  void unitsDeparted(StoreBatch out, StoredEnvelope e, UnitsDeparted a) throws SQLException {
    for (Unit u : units.units(null, a.primaryIdentifier(), a.units(), false, e, out)) {
      event(out, e, u, "departed", a.lane(), null, null, null, null, null);
    }
  }

  /** the birth of unit ids, at a laser marker inside a transaction or standalone (CFX 1.2). */
  void unitsInitialized(StoreBatch out, StoredEnvelope e, UnitsInitialized i) throws SQLException {
    String tx = tx(i.transactionId());
    ObjectNode d = JSON.objectNode();
    if (i.workOrderIdentifier() != null) {
      d.put("workOrder", i.workOrderIdentifier().workOrderId());
      d.put("batch", i.workOrderIdentifier().batch());
    }
    for (Unit u : units.units(tx, i.primaryIdentifier(), i.units(), tx != null, e, out)) {
      event(out, e, u, "initialized", null, null, tx, null, null, d, i.workOrderIdentifier());
    }
  }

  void identifiersRead(StoreBatch out, StoredEnvelope e, IdentifiersRead r) throws SQLException {
    for (Unit u : units.units(null, r.primaryIdentifier(), r.units(), false, e, out)) {
      event(out, e, u, "identified", null, null, null, null, null, null);
    }
  }

  void unitsDisqualified(StoreBatch out, StoredEnvelope e, UnitsDisqualified q) throws SQLException {
    ObjectNode d = JSON.objectNode().put("comments", q.comments());
    for (Unit u : units.units(null, q.primaryIdentifier(), q.units(), false, e, out)) {
      event(out, e, u, "disqualified", null, null, null, text(q.reason()), null, d);
    }
  }

  void unitsLoaded(StoreBatch out, StoredEnvelope e, UnitsLoaded l) throws SQLException {
    for (Unit u : units.units(null, null, l.units(), false, e, out)) {
      event(out, e, u, "loaded_into_carrier", null, null, null, null, null, JSON.objectNode().put("carrier", l.uniqueIdentifier()));
      if (l.uniqueIdentifier() != null) {
        out.unitEdges.add(l.uniqueIdentifier(), u.key(), "carrier", u.position(), null, station(e), null, e.eventTime(), e.uniqueId());
      }
    }
  }

  void unitsUnloaded(StoreBatch out, StoredEnvelope e, UnitsUnloaded l) throws SQLException {
    for (Unit u : units.units(null, null, l.units(), false, e, out)) {
      event(out, e, u, "unloaded_from_carrier", null, null, null, null, null, JSON.objectNode().put("carrier", l.uniqueIdentifier()));
    }
  }

  void activitiesExecuted(StoreBatch out, StoredEnvelope e, ActivitiesExecuted a) throws SQLException {
    String tx = tx(a.transactionId());
    for (Unit u : units.unitsOf(tx)) {
      event(out, e, u, "activities", null, stageName(a.stage()), tx, null, null,
          JSON.objectNode().put("activities", a.activities() == null ? 0 : a.activities().size()));
    }
  }

  private void stage(StoreBatch out, StoredEnvelope e, @Nullable String tx, @Nullable Stage stage, String type, @Nullable String result)
      throws SQLException {
    for (Unit u : units.unitsOf(tx)) {
      event(out, e, u, type, null, stageName(stage), tx, result, null, null);
    }
  }
}
