package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.normalize.UnitResolver.Named;
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
import io.cfxtrace.model.cfx.materials.storage.MaterialCarriersLoaded;
import io.cfxtrace.model.cfx.materials.storage.MaterialCarriersUnloaded;
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
import io.cfxtrace.model.cfx.production.application.MaterialsUnapplied;
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
import io.cfxtrace.model.cfx.structures.AppliedComponent;
import io.cfxtrace.model.cfx.structures.AppliedMaterial;
import io.cfxtrace.model.cfx.structures.BasicFault;
import io.cfxtrace.model.cfx.structures.BasicInstalledComponent;
import io.cfxtrace.model.cfx.structures.BasicInstalledMaterial;
import io.cfxtrace.model.cfx.structures.BasicMaterialCarrier;
import io.cfxtrace.model.cfx.structures.BasicStage;
import io.cfxtrace.model.cfx.structures.BooleanMeasurement;
import io.cfxtrace.model.cfx.structures.Characteristic;
import io.cfxtrace.model.cfx.structures.ComponentDesignator;
import io.cfxtrace.model.cfx.structures.ConsumedMaterial;
import io.cfxtrace.model.cfx.structures.Defect;
import io.cfxtrace.model.cfx.structures.Fault;
import io.cfxtrace.model.cfx.structures.FaultCause;
import io.cfxtrace.model.cfx.structures.FaultSeverity;
import io.cfxtrace.model.cfx.structures.GenericParameter;
import io.cfxtrace.model.cfx.structures.InspectedPanel;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.Inspection;
import io.cfxtrace.model.cfx.structures.InstalledComponent;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import io.cfxtrace.model.cfx.structures.MaterialCarrier;
import io.cfxtrace.model.cfx.structures.MaterialCarrierLocation;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.MaterialPackageDetail;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.NumericMeasurement;
import io.cfxtrace.model.cfx.structures.NumericValue;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.PersonalizedUnit;
import io.cfxtrace.model.cfx.structures.ProcessData;
import io.cfxtrace.model.cfx.structures.ProcessedUnit;
import io.cfxtrace.model.cfx.structures.Reading;
import io.cfxtrace.model.cfx.structures.Repair;
import io.cfxtrace.model.cfx.structures.RepairedUnit;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.Symptom;
import io.cfxtrace.model.cfx.structures.Test;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.TextMeasurement;
import io.cfxtrace.model.cfx.structures.UninstalledMaterial;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import io.cfxtrace.model.cfx.structures.NonInstalledComponent;
import io.cfxtrace.model.cfx.structures.BasicNonInstalledComponent;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTNonInstalledComponent;
import io.cfxtrace.model.cfx.structures.generic.GenericProcessData;
import io.cfxtrace.model.cfx.structures.generic.GenericStageData;
import io.cfxtrace.model.cfx.structures.generic.GenericValue;
import io.cfxtrace.model.cfx.structures.pcbinspection.OffsetMeasurement;
import io.cfxtrace.model.cfx.structures.reflowprofiling.ReflowProfilingProcessData;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDBulkCaseFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDMultiTrayFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTapeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTrayFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTubeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadAndNozzle;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementFault;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionMeasurementExpected;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionMeasurementLean;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SMTSolderPastePrintingFault;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingPCBProcessData;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Stroke;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowOvenFault;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReading;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetPoint;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZone;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneData;
import io.cfxtrace.model.value.CfxEnum;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the CFX messages that carry traceability, turned into the per-unit tables (see
 * V1__event_store.sql). Messages without a mapping here are kept in the raw log only.
 *
 * <p>Every member of every message may be missing or null (the SDK's doc examples omit many,
 * other vendors' serialisers more): each mapping writes what is there and skips what is not.
 * Units are named through {@link UnitResolver}; the all-zero TransactionID the SDK writes when
 * none is set counts as no transaction.
 */
public final class CfxNormalizer implements Normalizer {

  private static final Logger LOG = LoggerFactory.getLogger(CfxNormalizer.class);

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** the most process values one unknown process-data structure is flattened into. */
  private static final int MAX_FLATTENED = 500;

  private final TransactionScopes scopes;
  private final UnitResolver units = new UnitResolver(this::scopeOf);
  private final MaterialPackages packages;
  private final ZoneOffset zoneless;
  private @Nullable Connection connection;
  private boolean locking;
  /** the message being normalised (for a transaction the batch did not announce). */
  private @Nullable StoredEnvelope current;

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
    this.packages = new MaterialPackages(zoneless);
    this.scopes = new TransactionScopes(zoneless);
  }

  @Override
  public void begin(Connection connection, boolean locking) {
    this.connection = connection;
    this.locking = locking;
  }

  @Override
  public void prepare(List<StoredEnvelope> batch) throws SQLException {
    Map<String, List<StoredEnvelope>> byTransaction = new LinkedHashMap<>();
    for (StoredEnvelope e : batch) {
      String tx = tx(transactionIdOf(e.envelope().messageBody()));
      if (tx != null) {
        byTransaction.computeIfAbsent(tx, k -> new ArrayList<>()).add(e);
      }
    }
    byTransaction.values().forEach(l -> l.sort(StoredEnvelope.SCOPE_ORDER));
    scopes.open(requireConnection(), locking, byTransaction);
  }

  @Override
  public void complete(StoreBatch out) throws SQLException {
    for (TransactionScopes.Scope s : scopes.scopes()) {
      for (StoredEnvelope r : scopes.replayBefore(s, null)) {
        replay(s, r, out);
      }
    }
    scopes.complete(out);
    packages.complete();
  }

  private Connection requireConnection() {
    if (connection == null) {
      throw new IllegalStateException("the normaliser was not given the batch's connection (begin)");
    }
    return connection;
  }

  /** the state of a transaction for the resolver: the batch's scope, or one read for it alone. */
  private UnitResolver.Tx scopeOf(String txId) throws SQLException {
    TransactionScopes.Scope s = scopes.get(txId);
    if (s == null) {
      s = scopes.single(requireConnection(), locking, Objects.requireNonNull(current, "no message being normalised"), txId);
    }
    return s.tx;
  }

  /**
   * a message's TransactionID, for the prefetch only: read through the record component that
   * messages with a TransactionID have, so that a message type added later is covered too (one that
   * is not is still looked up, one query at a time).
   */
  private static final ClassValue<@Nullable Method> TRANSACTION_ID =
      new ClassValue<>() {
        @Override
        protected @Nullable Method computeValue(Class<?> type) {
          if (!type.isRecord()) {
            return null;
          }
          for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals("transactionId") && c.getType() == String.class) {
              return c.getAccessor();
            }
          }
          return null;
        }
      };

  private static @Nullable String transactionIdOf(@Nullable CfxMessage m) {
    Method accessor = m == null ? null : TRANSACTION_ID.get(m.getClass());
    if (accessor == null) {
      return null;
    }
    try {
      return (String) accessor.invoke(m);
    } catch (ReflectiveOperationException e) {
      return null; // a hint only: the transaction is looked up when it is needed
    }
  }

  @Override
  public void rollback() {
    scopes.rollback();
    packages.complete();
  }

  @Override
  public void commit() {
    scopes.commit();
  }

  /**
   * normalises a message; a message of a transaction derived again comes after the transaction's
   * stored messages that sort before it (see {@link TransactionScopes}).
   */
  @Override
  public void normalize(StoredEnvelope e, StoreBatch out) throws SQLException {
    String tx = tx(transactionIdOf(e.envelope().messageBody()));
    TransactionScopes.Scope s = tx == null ? null : scopes.get(tx);
    if (s != null) {
      for (StoredEnvelope r : scopes.replayBefore(s, e)) {
        replay(s, r, out);
      }
    }
    current = e;
    try {
      units.startMessage();
      dispatch(e, out);
    } finally {
      try {
        // the message is one of its transaction's, whether or not its rows could be made
        // (a TransactionID the store cannot key names no transaction: the message was refused)
        if (tx != null && (s != null || TransactionScopes.storable(tx))) {
          scopeOf(tx).add(e);
        }
      } finally {
        current = null;
      }
    }
  }

  /**
   * a stored message of a transaction derived again: its rows once more; a failure was recorded
   * as a dead letter when it was stored, and is not recorded twice.
   */
  private void replay(TransactionScopes.Scope s, StoredEnvelope r, StoreBatch out) throws SQLException {
    current = r;
    try {
      units.startMessage();
      dispatch(r, out);
    } catch (RuntimeException failed) {
      LOG.debug("normalising the stored {} {} again failed, as it did when it was stored: {}", r.envelope().messageName(), r.uniqueId(), failed.toString());
    } finally {
      current = null;
      s.tx.add(r);
    }
  }

  private void dispatch(StoredEnvelope e, StoreBatch out) throws SQLException {
    CfxMessage m = e.envelope().messageBody();
    // Production: work flow (CFX.Production)
    if (m instanceof WorkStarted w) {
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
    } else if (m instanceof WorkCompleted w) {
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
    } else if (m instanceof WorkStageStarted w) {
      stage(out, e, tx(w.transactionId()), w.stage(), "stage_started", null);
    } else if (m instanceof WorkStageCompleted w) {
      stage(out, e, tx(w.transactionId()), w.stage(), "stage_completed", text(w.result()));
    } else if (m instanceof WorkStagePaused w) {
      stage(out, e, tx(w.transactionId()), w.stage(), "stage_paused", text(w.pauseReason()));
    } else if (m instanceof WorkStageResumed w) {
      stage(out, e, tx(w.transactionId()), w.stage(), "stage_resumed", null);
    } else if (m instanceof UnitsArrived a) {
      for (Unit u : units.units(null, a.primaryIdentifier(), a.units(), false, e, out)) {
        event(out, e, u, "arrived", a.lane(), null, null, null, null, null);
      }
    } else if (m instanceof UnitsDeparted a) {
      for (Unit u : units.units(null, a.primaryIdentifier(), a.units(), false, e, out)) {
        event(out, e, u, "departed", a.lane(), null, null, null, null, null);
      }
    } else if (m instanceof UnitsInitialized i) {
      // birth of unit ids, at a laser marker inside a transaction or standalone (CFX 1.2)
      String tx = tx(i.transactionId());
      ObjectNode d = JSON.objectNode();
      if (i.workOrderIdentifier() != null) {
        d.put("workOrder", i.workOrderIdentifier().workOrderId());
        d.put("batch", i.workOrderIdentifier().batch());
      }
      for (Unit u : units.units(tx, i.primaryIdentifier(), i.units(), tx != null, e, out)) {
        event(out, e, u, "initialized", null, null, tx, null, null, d, i.workOrderIdentifier());
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
          out.unitEdges.add(l.uniqueIdentifier(), u.key(), "carrier", u.position(), null, station(e), null, e.eventTime(), e.uniqueId());
        }
      }
    } else if (m instanceof UnitsUnloaded l) {
      for (Unit u : units.units(null, null, l.units(), false, e, out)) {
        event(out, e, u, "unloaded_from_carrier", null, null, null, null, null, JSON.objectNode().put("carrier", l.uniqueIdentifier()));
      }
    } else if (m instanceof ActivitiesExecuted a) {
      String tx = tx(a.transactionId());
      for (Unit u : units.unitsOf(tx)) {
        event(out, e, u, "activities", null, stageName(a.stage()), tx, null, null,
            JSON.objectNode().put("activities", a.activities() == null ? 0 : a.activities().size()));
      }
    } else if (m instanceof ReadingsRecorded r) {
      readings(out, e, r);
    } else if (m instanceof OperatorActivated o && o.operator() != null && o.operator().operatorIdentifier() != null) {
      Operator op = o.operator();
      out.operatorSessions.add(station(e), op.operatorIdentifier(), name(op), op.loginName(), e.eventTime(), null, e.uniqueId());
    } else if (m instanceof OperatorDeactivated o && o.operator() != null && o.operator().operatorIdentifier() != null) {
      // the deactivation is kept as a fact: a session stored after it still ends at it (V8)
      stationEvent(out, e, "operator_deactivated", null, null, null, null, null, null, null,
          JSON.objectNode().put("operator", o.operator().operatorIdentifier()));
      out.closeOperatorSession(station(e), o.operator().operatorIdentifier(), e.eventTime());
    } else if (m instanceof RecipeActivated r) {
      ObjectNode d = JSON.objectNode().put("lane", r.lane()).put("stage", stageName(r.stage()));
      if (r.workOrderIdentifier() != null) {
        d.put("workOrder", r.workOrderIdentifier().workOrderId());
        d.put("batch", r.workOrderIdentifier().batch());
      }
      stationEvent(out, e, "recipe_activated", null, recipe(r.recipeName(), r.revision()), null, null, null, null, null, d);
    // Processing, assembly, test (CFX.Production.*)
    } else if (m instanceof UnitsProcessed p) {
      processed(out, e, p);
    } else if (m instanceof MaterialsInstalled mi) {
      installed(out, e, tx(mi.transactionId()), mi.installedMaterials(), "installed");
    } else if (m instanceof MaterialsApplied ma) {
      installed(out, e, tx(ma.transactionId()), ma.appliedMaterials(), "applied");
    } else if (m instanceof MaterialsUninstalled mu) {
      uninstalled(out, e, tx(mu.transactionId()), mu.uninstalledMaterials(), "uninstalled");
    } else if (m instanceof MaterialsUnapplied mu) {
      uninstalled(out, e, tx(mu.transactionId()), mu.unappliedMaterials(), "unapplied");
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
            packages.write(out, e, p, true);
            out.closeMaterialSetup(station(e), p.uniqueIdentifier(), e.eventTime(), "empty");
            material(out, e, p.uniqueIdentifier(), "empty", p.internalPartNumber(), p.batchId(), p.quantity(), null,
                JSON.objectNode().put("location", loc.locationIdentifier()));
          }
        }
      }
    } else if (m instanceof SplicePointDetected s) {
      // the depleted reel's interval ends at the splice; the spliced-on reel's begins
      MaterialLocation depletedAt = s.depletedMaterial();
      MaterialPackage depleted = depletedAt == null ? null : depletedAt.materialPackage();
      MaterialPackage next = s.newlyActiveMaterial() == null ? null : s.newlyActiveMaterial().materialPackage();
      if (depleted != null && depleted.uniqueIdentifier() != null) {
        packages.write(out, e, depleted, true);
        out.closeMaterialSetup(station(e), depleted.uniqueIdentifier(), e.eventTime(), "splice");
        material(out, e, depleted.uniqueIdentifier(), "splice_depleted", depleted.internalPartNumber(), depleted.batchId(), depleted.quantity(),
            next == null ? null : next.uniqueIdentifier(), JSON.objectNode().put("location", depletedAt.locationIdentifier()));
      }
      if (s.newlyActiveMaterial() != null) {
        load(out, e, s.newlyActiveMaterial());
      }
    } else if (m instanceof MaterialCarriersLoaded c) {
      if (c.carriers() != null) {
        for (MaterialCarrierLocation loc : c.carriers()) {
          if (loc != null) {
            stationEvent(out, e, "carrier_loaded", null, null, null, null, null, null, null,
                JSON.objectNode().put("carrier", carrierId(loc.carrierInformation())).put("location", loc.locationIdentifier())
                    .put("locationName", loc.locationName()));
          }
        }
      }
    } else if (m instanceof MaterialCarriersUnloaded c) {
      if (c.carrierIdentifiers() != null) {
        for (String id : c.carrierIdentifiers()) {
          if (id != null) {
            stationEvent(out, e, "carrier_unloaded", null, null, null, null, null, null, null, JSON.objectNode().put("carrier", id));
          }
        }
      }
    } else if (m instanceof MaterialsInitialized mi) {
      if (mi.materials() != null) {
        for (MaterialPackageDetail p : mi.materials()) {
          if (p != null && p.uniqueIdentifier() != null) {
            packages.write(out, e, p);
            material(out, e, p.uniqueIdentifier(), "initialized", p.internalPartNumber(), p.batchId(), p.quantity(), null, detail(p));
          }
        }
      }
    } else if (m instanceof MaterialsModified mm) {
      if (mm.materials() != null) {
        for (MaterialPackageDetail p : mm.materials()) {
          if (p != null && p.uniqueIdentifier() != null) {
            packages.write(out, e, p);
            material(out, e, p.uniqueIdentifier(), "modified", p.internalPartNumber(), p.batchId(), p.quantity(), null,
                detail(p).put("reason", text(mm.reason())));
          }
        }
      }
    } else if (m instanceof MaterialsSplit s) {
      if (s.sourceMaterialPackageIdentifier() != null) {
        material(out, e, s.sourceMaterialPackageIdentifier(), "split", null, null, s.sourceMaterialPackageRemainingQuantity(),
            s.newMaterialPackageIdentifier(), null);
      }
      if (s.newMaterialPackageIdentifier() != null) {
        material(out, e, s.newMaterialPackageIdentifier(), "split_from", null, null, s.newMaterialPackageQuantity(),
            s.sourceMaterialPackageIdentifier(), null);
      }
    } else if (m instanceof MaterialsJoined j) {
      MaterialPackage lead = j.leadingMaterialPackage();
      MaterialPackage trail = j.trailingMaterialPackage();
      if (lead != null && lead.uniqueIdentifier() != null) {
        packages.write(out, e, lead, true);
        material(out, e, lead.uniqueIdentifier(), "joined", lead.internalPartNumber(), lead.batchId(), lead.quantity(),
            trail == null ? null : trail.uniqueIdentifier(), null);
      }
      if (trail != null && trail.uniqueIdentifier() != null) {
        packages.write(out, e, trail, true);
        material(out, e, trail.uniqueIdentifier(), "joined_to", trail.internalPartNumber(), trail.batchId(), trail.quantity(),
            lead == null ? null : lead.uniqueIdentifier(), null);
      }
    } else if (m instanceof MaterialsConsumed c) {
      if (c.consumedMaterials() != null) {
        for (ConsumedMaterial cm : c.consumedMaterials()) {
          MaterialPackage p = cm == null || cm.materialLocation() == null ? null : cm.materialLocation().materialPackage();
          if (p != null && p.uniqueIdentifier() != null) {
            packages.write(out, e, p, true);
            material(out, e, p.uniqueIdentifier(), "consumed", p.internalPartNumber(), p.batchId(), cm.quantityUsed(), null,
                JSON.objectNode().put("spoiled", cm.quantitySpoiled()).put("remaining", cm.remainingQuantity())
                    .put("location", cm.materialLocation().locationIdentifier()));
          }
        }
      }
    } else if (m instanceof MaterialsRetired r) {
      if (r.materials() != null) {
        for (MaterialPackage p : r.materials()) {
          if (p != null && p.uniqueIdentifier() != null) {
            packages.write(out, e, p, true);
            material(out, e, p.uniqueIdentifier(), "retired", p.internalPartNumber(), p.batchId(), p.quantity(), null, null);
          }
        }
      }
    // Resource performance (CFX.ResourcePerformance)
    } else if (m instanceof StationStateChanged s) {
      Integer newCode = s.newState() == null ? null : code(s.newState());
      Integer oldCode = s.oldState() == null ? null : code(s.oldState());
      FaultInfo f = s.relatedFault() == null ? null : faultInfo(s.relatedFault());
      ObjectNode d = JSON.objectNode().put("oldStateDuration", s.oldStateDuration() == null ? null : s.oldStateDuration().text());
      if (f != null) {
        d.setAll(f.details());
      }
      stationEvent(out, e, "state_changed", newCode, text(s.newState()), oldCode, f == null ? null : f.code(), f == null ? null : f.id(),
          f == null ? null : f.severity(), f == null ? null : f.description(), d);
    } else if (m instanceof FaultOccurred f) {
      if (f.fault() != null) {
        FaultInfo info = faultInfo(f.fault());
        stationEvent(out, e, "fault_occurred", null, null, null, info.code(), info.id(), info.severity(), info.description(), info.details());
      }
    } else if (m instanceof FaultCleared f) {
      stationEvent(out, e, "fault_cleared", null, null, null, null, f.faultOccurrenceId(), null, null,
          JSON.objectNode().put("operator", f.operator() == null ? null : f.operator().operatorIdentifier()));
    } else if (m instanceof FaultAcknowledged f) {
      stationEvent(out, e, "fault_acknowledged", null, null, null, null, f.faultOccurrenceId(), null, null,
          JSON.objectNode().put("operator", f.operator() == null ? null : f.operator().operatorIdentifier()));
    } else if (m instanceof StationOnline s) {
      stationEvent(out, e, "online", null, null, null, null, null, null, null,
          s.offlineDuration() == null ? null : JSON.objectNode().put("offlineDuration", s.offlineDuration().text()));
    } else if (m instanceof StationOffline) {
      stationEvent(out, e, "offline", null, null, null, null, null, null, null, null);
    } else if (m instanceof ComponentsPlaced c) {
      stationEvent(out, e, "components_placed", null, null, null, null, null, null, null,
          JSON.objectNode().put("placed", c.totalComponentsPlaced()).put("notPlaced", c.totalComponentsNotPlaced())
              .put("start", c.startTime() == null ? null : c.startTime().text()).put("end", c.endTime() == null ? null : c.endTime().text()));
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
    String tx = tx(r.transactionId());
    List<Reading> list = present(r.readings());
    List<Unit> keys = units.perUnit(tx, named(list, Reading::unitIdentifier, Reading::unitPositionNumber), e, out);
    for (int i = 0; i < list.size(); i++) {
      Reading rd = list.get(i);
      out.measurements.add(
          time(rd.timeRecorded(), e), keys.get(i).key(), "reading", null, rd.readingIdentifier(), designators(rd.components()), number(rd.value()),
          rd.value(), number(rd.expectedValue()), number(rd.minimumAcceptableValue()), number(rd.maximumAcceptableValue()), rd.valueUnits(),
          text(rd.result()), rd.readingSequence(), station(e), tx, e.uniqueId(),
          rd.binaryValue() == null ? null : JSON.objectNode().put("mimeType", rd.valueMimeType()).put("binaryLength", rd.binaryValue().length()));
    }
  }

  // ---- processing

  private void processed(StoreBatch out, StoredEnvelope e, UnitsProcessed p) throws SQLException {
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
        value(out, e, unit, tx, "printing", null, null, "CycleTime", s.cycleTime().duration().toNanos() / 1e9, "s");
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
        out.processValues.add(e.eventTime(), unit, tx, station(e), kind, null, null, "ProcessData", null, u.typeName(), null, e.uniqueId());
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
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, null, null, path, n.doubleValue(), null, null, e.uniqueId());
    } else if (n.isTextual() || n.isBoolean()) {
      budget[0]--;
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, null, null, path, number(n.asText()), n.asText(), null, e.uniqueId());
    }
  }

  private void zones(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, @Nullable List<ReflowZoneData> zones) {
    for (ReflowZoneData z : present(zones)) {
      String zone = zoneName(z.zone());
      for (ReflowSetPoint sp : present(z.setpoints())) {
        value(out, e, unit, tx, kind, zone, text(sp.subZone()), "setpoint:" + text(sp.setpointType()), sp.setpoint(), null);
      }
      for (ReflowReading r : present(z.readings())) {
        value(out, e, unit, tx, kind, zone, text(r.subZone()), "reading:" + text(r.readingType()), r.readingValue(), null);
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
          e.uniqueId());
    }
  }

  private static void value(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, @Nullable String zone,
      @Nullable String subZone, String parameter, @Nullable Double value, @Nullable String uom) {
    if (value != null) {
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, zone, subZone, parameter, value, null, uom, e.uniqueId());
    }
  }

  private static void text(StoreBatch out, StoredEnvelope e, @Nullable String unit, @Nullable String tx, String kind, String parameter,
      @Nullable String value) {
    if (value != null) {
      out.processValues.add(e.eventTime(), unit, tx, station(e), kind, null, null, parameter, null, value, null, e.uniqueId());
    }
  }

  // ---- assembly

  /** MaterialsInstalled / MaterialsApplied: the component lot to serial link, per designator. */
  private void installed(StoreBatch out, StoredEnvelope e, @Nullable String tx, @Nullable List<InstalledMaterial> materials, String kind)
      throws SQLException {
    List<Installed> list = new ArrayList<>();
    for (InstalledMaterial im : present(materials)) {
      Installed i = Installed.of(im);
      if (i != null) {
        list.add(i);
      }
    }
    List<Unit> keys = units.perUnit(tx, named(list, Installed::unitIdentifier, Installed::position), e, out);
    List<String> evented = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Installed m = list.get(i);
      Unit unit = keys.get(i);
      if (!evented.contains(unit.key())) {
        evented.add(unit.key());
        event(out, e, unit, "materials_" + kind, null, null, tx, null, null, null);
      }
      MaterialPackage p = m.material();
      String packageId = p == null ? null : p.uniqueIdentifier();
      String part = p == null ? null : p.internalPartNumber();
      String lot = p == null ? null : p.batchId();
      if (p != null) {
        // the reel's remaining Quantity changes with every placement: kept by material_event, not here
        packages.write(out, e, p, false);
      }
      MaterialCarrierLocation loc = m.carrierLocation();
      String location = loc == null ? null : loc.locationIdentifier();
      String carrier = loc == null ? null : carrierId(loc.carrierInformation());
      // CFX MaterialPackage.LeadingMaterialPackage: placed near a splice, the part may be the leader's
      String leading = p == null || p.leadingMaterialPackage() == null ? null : blankToNull(p.leadingMaterialPackage().uniqueIdentifier());
      JsonNode chain = MaterialPackages.spliceChain(p);
      Double greyZone = p == null ? null : p.greyZone();
      String referencePart = blankToNull(m.referencePartNumber());
      List<InstalledComponent> components = present(m.components());
      notInstalled(out, e, unit, tx, kind, m, packageId, part, lot, location, carrier, leading, chain, greyZone, referencePart);
      if (components.isEmpty()) {
        out.unitMaterials.add(e.eventTime(), unit.key(), null, packageId, part, lot, m.quantity(), station(e), location, carrier, null, tx, null, kind,
            e.uniqueId(), leading, chain, greyZone, referencePart, null, null);
        continue;
      }
      for (InstalledComponent c : components) {
        String designator = null;
        String installedUnit = null;
        String head = null;
        CfxTimestamp at = null;
        Double quantity = null;
        if (c instanceof SMTInstalledComponent s) {
          designator = s.referenceDesignator();
          installedUnit = s.installedUnitIdentifier();
          at = s.installationTime();
          head = head(s.headAndNozzle());
        } else if (c instanceof BasicInstalledComponent b) {
          designator = b.referenceDesignator();
          installedUnit = b.installedUnitIdentifier();
          at = b.installationTime();
        } else if (c instanceof AppliedComponent a) {
          designator = a.referenceDesignator();
          installedUnit = a.installedUnitIdentifier();
          at = a.installationTime();
          quantity = a.quantityApplied() == null ? null : a.quantityApplied().value();
        } else if (c instanceof UnknownStructure u) {
          designator = string(u.extensions().get("ReferenceDesignator"));
          installedUnit = string(u.extensions().get("InstalledUnitIdentifier"));
        }
        Instant when = time(at, e);
        out.unitMaterials.add(when, unit.key(), designator, packageId, part, lot, quantity, station(e), location, carrier, head, tx, installedUnit,
            kind, e.uniqueId(), leading, chain, greyZone, referencePart, null, null);
        if (installedUnit != null && !installedUnit.isBlank()) {
          // CFX 2.1 InstalledComponent.InstalledUnitIdentifier: a sub-assembly at that position
          out.unitEdges.add(unit.key(), installedUnit, "subassembly", null, designator, station(e), tx, when, e.uniqueId());
        }
      }
    }
  }

  /**
   * InstalledMaterial.NonInstalledComponents (CFX 1.4): components picked for the unit and not
   * placed (dropped, rejected by vision or electrical test...), one row each with link kind
   * {@code not_installed} (or {@code not_applied}) and the RejectionReason; not part of the unit.
   */
  private void notInstalled(StoreBatch out, StoredEnvelope e, Unit unit, @Nullable String tx, String kind, Installed m, @Nullable String packageId,
      @Nullable String part, @Nullable String lot, @Nullable String location, @Nullable String carrier, @Nullable String leading,
      @Nullable JsonNode chain, @Nullable Double greyZone, @Nullable String referencePart) {
    String linkKind = kind.equals("installed") ? "not_installed" : "not_" + kind;
    for (NonInstalledComponent c : present(m.notInstalled())) {
      String designator;
      CfxTimestamp at;
      String reason;
      String head = null;
      ObjectNode d = JSON.objectNode();
      if (c instanceof SMTNonInstalledComponent s) {
        designator = s.referenceDesignator();
        at = s.nonInstallationTime();
        reason = text(s.rejectionReason());
        head = head(s.headAndNozzle());
        d.put("location", text(s.location())).put("rejectionComment", s.rejectionComment()).put("rejectionBoxId", s.rejectionBoxId());
      } else if (c instanceof BasicNonInstalledComponent b) {
        designator = b.referenceDesignator();
        at = b.nonInstallationTime();
        reason = text(b.rejectionReason());
        d.put("location", text(b.location())).put("rejectionComment", b.rejectionComment()).put("rejectionBoxId", b.rejectionBoxId());
      } else if (c instanceof UnknownStructure u) {
        designator = string(u.extensions().get("ReferenceDesignator"));
        at = null;
        reason = string(u.extensions().get("RejectionReason"));
        d.put("type", u.typeName()).put("location", string(u.extensions().get("Location")));
      } else {
        continue;
      }
      out.unitMaterials.add(time(at, e), unit.key(), designator, packageId, part, lot, null, station(e), location, carrier, head, tx, null, linkKind,
          e.uniqueId(), leading, chain, greyZone, referencePart, reason, d);
    }
  }

  /** the members of BasicInstalledMaterial and AppliedMaterial that the store keeps. */
  private record Installed(@Nullable String unitIdentifier, @Nullable Integer position, @Nullable Double quantity, @Nullable MaterialPackage material,
      @Nullable MaterialCarrierLocation carrierLocation, @Nullable List<InstalledComponent> components,
      @Nullable List<NonInstalledComponent> notInstalled, @Nullable String referencePartNumber) {

    static @Nullable Installed of(InstalledMaterial im) {
      if (im instanceof BasicInstalledMaterial b) {
        return new Installed(b.unitIdentifier(), b.unitPositionNumber(), b.quantityInstalled(), b.material(), b.carrierLocation(),
            b.installedComponents(), b.nonInstalledComponents(), b.referencePartNumber());
      }
      if (im instanceof AppliedMaterial a) {
        Double q = a.quantityApplied() != null && a.quantityApplied().value() != null ? a.quantityApplied().value() : a.quantityInstalled();
        return new Installed(a.unitIdentifier(), a.unitPositionNumber(), q, a.material(), a.carrierLocation(), a.installedComponents(),
            a.nonInstalledComponents(), a.referencePartNumber());
      }
      return null;
    }
  }

  private void uninstalled(StoreBatch out, StoredEnvelope e, @Nullable String tx, @Nullable List<UninstalledMaterial> materials, String kind)
      throws SQLException {
    List<UninstalledMaterial> list = present(materials);
    List<Unit> keys = units.perUnit(tx, named(list, UninstalledMaterial::unitIdentifier, UninstalledMaterial::unitPositionNumber), e, out);
    for (int i = 0; i < list.size(); i++) {
      UninstalledMaterial um = list.get(i);
      Unit unit = keys.get(i);
      event(out, e, unit, "materials_" + kind, null, null, tx, text(um.reason()), null, null);
      MaterialPackage p = um.material();
      if (p != null) {
        packages.write(out, e, p, false);
      }
      List<String> designators = new ArrayList<>();
      for (InstalledComponent c : present(um.uninstalledComponents())) {
        String d = c instanceof BasicInstalledComponent b ? b.referenceDesignator()
            : c instanceof SMTInstalledComponent s ? s.referenceDesignator()
            : c instanceof AppliedComponent a ? a.referenceDesignator()
            : c instanceof UnknownStructure u ? string(u.extensions().get("ReferenceDesignator")) : null;
        if (d != null) {
          designators.add(d);
        }
      }
      if (designators.isEmpty()) {
        designators.add(null);
      }
      for (String d : designators) {
        out.unitMaterials.add(e.eventTime(), unit.key(), d, p == null ? null : p.uniqueIdentifier(), p == null ? null : p.internalPartNumber(),
            p == null ? null : p.batchId(), d == null ? um.quantityUninstalled() : null, station(e), null, null, null, tx, null, kind, e.uniqueId(),
            null, null, null, null, null, null);
      }
    }
  }

  private void personalized(StoreBatch out, StoredEnvelope e, UnitsPersonalized p) throws SQLException {
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

  // ---- inspection, test, repair

  private void inspected(StoreBatch out, StoredEnvelope e, UnitsInspected i) throws SQLException {
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

  private void tested(StoreBatch out, StoredEnvelope e, UnitsTested t) throws SQLException {
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

  private void repaired(StoreBatch out, StoredEnvelope e, UnitsRepaired r) throws SQLException {
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
    if (m instanceof NumericMeasurement n) {
      NumericValue v = n.measuredValue();
      out.measurements.add(time(n.timeRecorded(), e), unit, kind, check, n.measurementName(), n.crds(), v == null ? null : v.value(), null,
          v == null ? null : v.expectedValue(), v == null ? null : v.minimumAcceptableValue(), v == null ? null : v.maximumAcceptableValue(),
          v == null ? null : v.valueUnits(), text(n.result()), n.sequence(), station(e), tx, e.uniqueId(), related(limitUnits(v), relatedTo));
    } else if (m instanceof SolderPasteMeasurement s) {
      ObjectNode d = JSON.objectNode().put("x", s.x()).put("ex", s.ex()).put("y", s.y()).put("ey", s.ey()).put("z", s.z()).put("ez", s.ez())
          .put("dx", s.dx()).put("dy", s.dy()).put("vol", s.vol()).put("eVol", s.eVol()).put("a", s.a()).put("ea", s.ea()).put("ar", s.ar())
          .put("px", s.px()).put("py", s.py()).put("rxy", s.rxy());
      out.measurements.add(time(s.timeRecorded(), e), unit, kind, check, name(s.measurementName(), s.crds()), s.crds(), s.vol(), null, s.eVol(),
          null, null, null, text(s.result()), s.sequence(), station(e), tx, e.uniqueId(), related(d, relatedTo));
    } else if (m instanceof InspectionMeasurementLean s) {
      ObjectNode d = JSON.objectNode().put("x", s.x()).put("y", s.y()).put("z", s.z()).put("dx", s.dx()).put("dy", s.dy()).put("vol", s.vol())
          .put("a", s.a());
      out.measurements.add(time(s.timeRecorded(), e), unit, kind, check, name(s.measurementName(), s.crds()), s.crds(), s.vol(), null, null,
          null, null, null, text(s.result()), s.sequence(), station(e), tx, e.uniqueId(), related(d, relatedTo));
    } else if (m instanceof InspectionMeasurementExpected s) {
      ObjectNode d = JSON.objectNode().put("ex", s.ex()).put("ey", s.ey()).put("ez", s.ez()).put("px", s.px()).put("py", s.py())
          .put("ea", s.ea()).put("eVol", s.eVol()).put("ar", s.ar()).put("rxy", s.rxy());
      out.measurements.add(time(s.timeRecorded(), e), unit, kind, check, name(s.measurementName(), s.crds()), s.crds(), null, null, s.eVol(),
          null, null, null, text(s.result()), s.sequence(), station(e), tx, e.uniqueId(), related(d, relatedTo));
    } else if (m instanceof OffsetMeasurement o) {
      // PCBInspection.OffsetMeasurement: a placement offset; the value is the planar offset
      Double offset = o.dx() == null || o.dy() == null ? null : Math.hypot(o.dx(), o.dy());
      ObjectNode d = JSON.objectNode().put("dx", o.dx()).put("dy", o.dy()).put("dz", o.dz()).put("rxy", o.rxy()).put("rzx", o.rzx())
          .put("rzy", o.rzy());
      out.measurements.add(time(o.timeRecorded(), e), unit, kind, check, name(o.measurementName(), o.crds()), o.crds(), offset, null, null,
          null, null, null, text(o.result()), o.sequence(), station(e), tx, e.uniqueId(), related(d, relatedTo));
    } else if (m instanceof BooleanMeasurement b) {
      out.measurements.add(time(b.timeRecorded(), e), unit, kind, check, b.measurementName(), b.crds(), b.value() == null ? null : (b.value() ? 1.0 : 0.0),
          b.value() == null ? null : b.value().toString(), b.expectedValue() == null ? null : (b.expectedValue() ? 1.0 : 0.0), null, null, null,
          text(b.result()), b.sequence(), station(e), tx, e.uniqueId(), related(null, relatedTo));
    } else if (m instanceof TextMeasurement t) {
      out.measurements.add(time(t.timeRecorded(), e), unit, kind, check, t.measurementName(), t.crds(), null, t.value(), null, null, null, null,
          text(t.result()), t.sequence(), station(e), tx, e.uniqueId(),
          related(t.expectedValue() == null ? null : JSON.objectNode().put("expected", t.expectedValue()), relatedTo));
    } else if (m instanceof UnknownStructure u) {
      ObjectNode d = JSON.objectNode().put("type", u.typeName());
      u.extensions().forEach((k, v) -> {
        if (!k.equals("$type")) {
          d.set(k, v);
        }
      });
      out.measurements.add(e.eventTime(), unit, kind, check, string(u.extensions().get("MeasurementName")), string(u.extensions().get("CRDs")),
          null, null, null, null, null, null, string(u.extensions().get("Result")), null, station(e), tx, e.uniqueId(), related(d, relatedTo));
    } else {
      out.measurements.add(e.eventTime(), unit, kind, check, null, null, null, null, null, null, null, null, null, null,
          station(e), tx, e.uniqueId(), related(JSON.objectNode().put("type", m.getClass().getSimpleName()), relatedTo));
    }
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

  // ---- materials

  private void load(StoreBatch out, StoredEnvelope e, @Nullable MaterialLocation loc) {
    if (loc == null || loc.materialPackage() == null || loc.materialPackage().uniqueIdentifier() == null) {
      return;
    }
    MaterialPackage p = loc.materialPackage();
    packages.write(out, e, p, true);
    if (loc.locationIdentifier() != null) {
      out.closeMaterialSetupAtLocation(station(e), loc.locationIdentifier(), e.eventTime());
    }
    out.materialSetups.add(station(e), loc.locationIdentifier(), loc.locationName(), p.uniqueIdentifier(), p.internalPartNumber(), p.batchId(),
        carrierId(loc.carrierInformation()), carrier(loc.carrierInformation()), e.eventTime(), null, null, e.uniqueId());
    material(out, e, p.uniqueIdentifier(), "loaded", p.internalPartNumber(), p.batchId(), p.quantity(), null,
        JSON.objectNode().put("location", loc.locationIdentifier()));
  }

  private static void material(StoreBatch out, StoredEnvelope e, String id, String type, @Nullable String part, @Nullable String lot,
      @Nullable Double quantity, @Nullable String related, @Nullable JsonNode details) {
    out.materialEvents.add(e.eventTime(), id, type, part, lot, quantity, related, station(e), e.uniqueId(), details);
  }

  private static ObjectNode detail(MaterialPackageDetail p) {
    return JSON.objectNode().put("manufacturer", p.manufacturer()).put("manufacturerPartNumber", p.manufacturerPartNumber())
        .put("manufacturerLotCode", p.manufacturerLotCode()).put("vendor", p.vendor()).put("vendorPartNumber", p.vendorPartNumber())
        .put("status", text(p.status()));
  }

  // ---- station

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

  private static void stationEvent(StoreBatch out, StoredEnvelope e, String type, @Nullable Integer code, @Nullable String name,
      @Nullable Integer oldCode, @Nullable String faultCode, @Nullable String faultId, @Nullable String severity, @Nullable String description,
      @Nullable JsonNode details) {
    out.stationEvents.add(e.eventTime(), station(e), type, code, name, oldCode, faultCode, faultId, severity, description, e.envelope().messageName(),
        e.uniqueId(), details);
  }

  // ---- helpers

  private static void event(StoreBatch out, StoredEnvelope e, Unit u, String type, @Nullable Integer lane, @Nullable String stage,
      @Nullable String tx, @Nullable String result, @Nullable String recipe, @Nullable JsonNode details) {
    event(out, e, u, type, lane, stage, tx, result, recipe, details, null);
  }

  /** a unit event; the work order (CFX WorkOrderIdentifier of WorkStarted, UnitsInitialized) as its own columns. */
  private static void event(StoreBatch out, StoredEnvelope e, Unit u, String type, @Nullable Integer lane, @Nullable String stage,
      @Nullable String tx, @Nullable String result, @Nullable String recipe, @Nullable JsonNode details, @Nullable WorkOrderIdentifier workOrder) {
    out.unitEvents.add(e.eventTime(), u.key(), u.panelId(), u.position(), type, station(e), lane, stage, tx, result, null, recipe,
        e.envelope().messageName(), e.uniqueId(), details, workOrder == null ? null : blankToNull(workOrder.workOrderId()),
        workOrder == null ? null : blankToNull(workOrder.batch()));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static @Nullable String tx(@Nullable String transactionId) {
    return UnitResolver.txId(transactionId);
  }

  /** the non-null elements of a list that may be null or hold nulls. */
  private static <T> List<T> present(@Nullable List<T> list) {
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

  private static <T> List<Named> named(List<T> list, Function<T, @Nullable String> id, Function<T, @Nullable Integer> position) {
    List<Named> out = new ArrayList<>(list.size());
    for (T t : list) {
      out.add(new Named(id.apply(t), position.apply(t)));
    }
    return out;
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

  private static @Nullable String string(@Nullable JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
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
      return zoneName(z);
    }
    if (s instanceof UnknownStructure u) {
      return string(u.extensions().get("StageName"));
    }
    return null;
  }

  private static @Nullable String zoneName(@Nullable ReflowZone z) {
    if (z == null) {
      return null;
    }
    return z.stageName() != null ? z.stageName() : z.stageSequence() == null ? null : "zone " + z.stageSequence();
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

  private static @Nullable String carrierId(@Nullable MaterialCarrier c) {
    if (c instanceof BasicMaterialCarrier b) {
      return b.uniqueIdentifier();
    }
    if (c instanceof SMDTapeFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof SMDTubeFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof SMDTrayFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof SMDBulkCaseFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof SMDMultiTrayFeeder f) {
      return f.uniqueIdentifier();
    }
    if (c instanceof UnknownStructure u) {
      return string(u.extensions().get("UniqueIdentifier"));
    }
    return null;
  }

  /** the carrier (feeder) as a small JSON object: type, name, lane, base. */
  private static @Nullable JsonNode carrier(@Nullable MaterialCarrier c) {
    if (c instanceof SMDTapeFeeder f) {
      return JSON.objectNode().put("type", "SMDTapeFeeder").put("name", f.name()).put("baseUniqueIdentifier", f.baseUniqueIdentifier())
          .put("laneNumber", f.laneNumber()).put("tapeWidth", f.tapeWidth()).put("tapePitch", f.tapePitch());
    }
    if (c instanceof SMDTubeFeeder f) {
      return JSON.objectNode().put("type", "SMDTubeFeeder").put("name", f.name()).put("baseUniqueIdentifier", f.baseUniqueIdentifier())
          .put("laneNumber", f.laneNumber());
    }
    if (c instanceof SMDTrayFeeder f) {
      return JSON.objectNode().put("type", "SMDTrayFeeder").put("name", f.name());
    }
    if (c instanceof SMDBulkCaseFeeder f) {
      return JSON.objectNode().put("type", "SMDBulkCaseFeeder").put("name", f.name());
    }
    if (c instanceof SMDMultiTrayFeeder f) {
      return JSON.objectNode().put("type", "SMDMultiTrayFeeder").put("name", f.name());
    }
    if (c instanceof BasicMaterialCarrier b) {
      return b.name() == null ? null : JSON.objectNode().put("name", b.name());
    }
    if (c instanceof UnknownStructure u) {
      return JSON.objectNode().put("type", u.typeName()).put("name", string(u.extensions().get("Name")));
    }
    return null;
  }

  private static @Nullable String head(@Nullable SMTHeadAndNozzle h) {
    if (h == null || (h.headId() == null && h.headNozzleNumber() == null && h.nozzleType() == null)) {
      return null;
    }
    return ((h.headId() == null ? "" : "head " + h.headId()) + (h.headNozzleNumber() == null ? "" : " nozzle " + h.headNozzleNumber())
        + (h.nozzleType() == null ? "" : " (" + h.nozzleType() + ")")).trim();
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
