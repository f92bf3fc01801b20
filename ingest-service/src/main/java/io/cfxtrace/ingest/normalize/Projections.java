package io.cfxtrace.ingest.normalize;

import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.cfx.AreYouThereResponse;
import io.cfxtrace.model.cfx.EndpointConnected;
import io.cfxtrace.model.cfx.EndpointShuttingDown;
import io.cfxtrace.model.cfx.GetEndpointInformationRequest;
import io.cfxtrace.model.cfx.GetEndpointInformationResponse;
import io.cfxtrace.model.cfx.Heartbeat;
import io.cfxtrace.model.cfx.NotSupportedResponse;
import io.cfxtrace.model.cfx.WhoIsThereRequest;
import io.cfxtrace.model.cfx.WhoIsThereResponse;
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
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * where each CFX message lands: the one table from every typed message of the catalogue ({@link
 * io.cfxtrace.model.cfx.CfxCatalog}) to the projector method that turns it into rows, or to "raw
 * only" ({@code raw_message}, no derived rows), in CFX namespace order. To find what a message
 * writes, find its line below and follow the method.
 *
 * <p>The projectors, one per CFX domain: {@link UnitFlowProjector} (a unit's way through a
 * station), {@link MaterialProjector} (material packages, setups, and what went into which unit),
 * {@link InspectionProjector} (inspection, test, repair, readings, personalisation), {@link
 * ProcessDataProjector} (UnitsProcessed) and {@link StationProjector} (station state, faults,
 * operators, recipes); what they share is in {@link Projector}. A message the model carries as a
 * generic body has no record class and is raw only too.
 *
 * <p>Each message type is listed once: the table refuses a second listing when it is built, so a
 * type cannot land in two places. Immutable once built; its projectors are single-threaded (the
 * writer), like the {@link CfxNormalizer} that owns it.
 */
final class Projections {

  /**
   * one message type's projector method.
   *
   * @param <M> the message record.
   */
  @FunctionalInterface
  interface Projection<M extends CfxMessage> {

    /**
     * adds the rows of one message to the batch.
     *
     * @param out the batch.
     * @param e the envelope of {@code message}.
     * @param message the message.
     * @throws SQLException when a lookup of a transaction's units fails.
     */
    void project(StoreBatch out, StoredEnvelope e, M message) throws SQLException;
  }

  private final Map<Class<? extends CfxMessage>, Projection<CfxMessage>> projected;
  private final Set<Class<? extends CfxMessage>> rawOnly;

  /**
   * the table, with the projectors of a normaliser.
   *
   * @param units the normaliser's unit resolver.
   * @param packages the normaliser's material packages.
   * @param zoneless the offset assumed for zone-less timestamps inside messages.
   * @throws IllegalStateException when a message type is listed twice.
   */
  Projections(UnitResolver units, MaterialPackages packages, ZoneOffset zoneless) {
    UnitFlowProjector flow = new UnitFlowProjector(units, zoneless);
    MaterialProjector materials = new MaterialProjector(units, packages, zoneless);
    InspectionProjector checks = new InspectionProjector(units, zoneless);
    ProcessDataProjector process = new ProcessDataProjector(units, zoneless);
    StationProjector station = new StationProjector(units, zoneless);
    // raw only: the endpoint messages (AreYouThere..., EndpointConnected, EndpointShuttingDown,
    // GetEndpointInformation..., Heartbeat, WhoIsThere...) and NotSupportedResponse, a reply to a
    // request, tell about endpoints and their requests, nothing about units, materials or a station
    Table t = new Table()
        // CFX
        .rawOnly(AreYouThereRequest.class)
        .rawOnly(AreYouThereResponse.class)
        .rawOnly(EndpointConnected.class)
        .rawOnly(EndpointShuttingDown.class)
        .rawOnly(GetEndpointInformationRequest.class)
        .rawOnly(GetEndpointInformationResponse.class)
        .rawOnly(Heartbeat.class)
        // CFX.InformationSystem: validation requests and responses (the interlocks of issue #15,
        // answered by the query service) tell what was asked and answered, kept in the raw log
        .rawOnly(io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest.class)
        .rawOnly(io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse.class)
        .rawOnly(io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorRequest.class)
        .rawOnly(io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorResponse.class)
        .rawOnly(io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest.class)
        .rawOnly(io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse.class)
        // CFX.Materials.Management
        .project(MaterialsConsumed.class, materials::materialsConsumed)
        .project(MaterialsInitialized.class, materials::materialsInitialized)
        .project(MaterialsJoined.class, materials::materialsJoined)
        .project(MaterialsModified.class, materials::materialsModified)
        .project(MaterialsRetired.class, materials::materialsRetired)
        .project(MaterialsSplit.class, materials::materialsSplit)
        // CFX.Materials.Storage
        .project(MaterialCarriersLoaded.class, materials::materialCarriersLoaded)
        .project(MaterialCarriersUnloaded.class, materials::materialCarriersUnloaded)
        .project(MaterialsEmpty.class, materials::materialsEmpty)
        .project(MaterialsLoaded.class, materials::materialsLoaded)
        .project(MaterialsUnloaded.class, materials::materialsUnloaded)
        .project(SplicePointDetected.class, materials::splicePointDetected)
        // CFX
        .rawOnly(NotSupportedResponse.class)
        // CFX.Production
        .project(ActivitiesExecuted.class, flow::activitiesExecuted)
        // CFX.Production.Application
        .project(MaterialsApplied.class, materials::materialsApplied)
        .project(MaterialsUnapplied.class, materials::materialsUnapplied)
        // CFX.Production.Assembly
        .project(MaterialsInstalled.class, materials::materialsInstalled)
        .project(MaterialsUninstalled.class, materials::materialsUninstalled)
        .project(UnitsPersonalized.class, checks::unitsPersonalized)
        // CFX.Production.LoadingAndUnloading
        .project(UnitsLoaded.class, flow::unitsLoaded)
        .project(UnitsUnloaded.class, flow::unitsUnloaded)
        // CFX.Production
        .project(OperatorActivated.class, station::operatorActivated)
        .project(OperatorDeactivated.class, station::operatorDeactivated)
        // CFX.Production.Processing
        .project(UnitsProcessed.class, process::unitsProcessed)
        // CFX.Production
        .project(ReadingsRecorded.class, checks::readingsRecorded)
        .project(RecipeActivated.class, station::recipeActivated)
        // CFX.Production.ReworkAndRepair
        .project(UnitsRepaired.class, checks::unitsRepaired)
        // CFX.Production.TestAndInspection
        .project(UnitsInspected.class, checks::unitsInspected)
        .project(UnitsTested.class, checks::unitsTested)
        // CFX.Production
        .project(UnitsArrived.class, flow::unitsArrived)
        .project(UnitsDeparted.class, flow::unitsDeparted)
        .project(UnitsDisqualified.class, flow::unitsDisqualified)
        .project(UnitsInitialized.class, flow::unitsInitialized)
        .project(WorkCompleted.class, flow::workCompleted)
        .project(WorkStageCompleted.class, flow::workStageCompleted)
        .project(WorkStagePaused.class, flow::workStagePaused)
        .project(WorkStageResumed.class, flow::workStageResumed)
        .project(WorkStageStarted.class, flow::workStageStarted)
        .project(WorkStarted.class, flow::workStarted)
        // CFX.ResourcePerformance
        .project(FaultAcknowledged.class, station::faultAcknowledged)
        .project(FaultCleared.class, station::faultCleared)
        .project(FaultOccurred.class, station::faultOccurred)
        // CFX.ResourcePerformance.SMTPlacement
        .project(ComponentsPlaced.class, station::componentsPlaced)
        // CFX.ResourcePerformance
        .project(StationOffline.class, station::stationOffline)
        .project(StationOnline.class, station::stationOnline)
        .project(StationStateChanged.class, station::stationStateChanged)
        // CFX.Sensor.Identification
        .project(IdentifiersRead.class, flow::identifiersRead)
        // CFX
        .rawOnly(WhoIsThereRequest.class)
        .rawOnly(WhoIsThereResponse.class);
    this.projected = Collections.unmodifiableMap(t.projected);
    this.rawOnly = Collections.unmodifiableSet(t.rawOnly);
  }

  /**
   * adds the rows of one stored message to the batch; a message kept raw only adds none. The
   * message's own class is looked up: message records are final, so it is the class listed.
   *
   * @param e the envelope.
   * @param out the batch.
   * @throws SQLException when a lookup of a transaction's units fails.
   */
  void project(StoredEnvelope e, StoreBatch out) throws SQLException {
    CfxMessage m = e.envelope().messageBody();
    Projection<CfxMessage> p = projected.get(m.getClass());
    if (p != null) {
      p.project(out, e, m);
    }
  }

  /**
   * the message types that have a projector method, in table order.
   *
   * @return an unmodifiable set.
   */
  Set<Class<? extends CfxMessage>> projected() {
    return projected.keySet();
  }

  /**
   * the typed message types kept in the raw log only, in table order.
   *
   * @return an unmodifiable set.
   */
  Set<Class<? extends CfxMessage>> rawOnly() {
    return rawOnly;
  }

  /** the table as it is listed; a message type listed twice is refused. */
  static final class Table {

    private final Map<Class<? extends CfxMessage>, Projection<CfxMessage>> projected = new LinkedHashMap<>();
    private final Set<Class<? extends CfxMessage>> rawOnly = new LinkedHashSet<>();

    /**
     * lists a message type with the projector method that handles it.
     *
     * @param type the message record.
     * @param projection its projector method.
     * @param <M> the message record.
     * @return this table.
     * @throws IllegalStateException when {@code type} is listed already.
     */
    <M extends CfxMessage> Table project(Class<M> type, Projection<M> projection) {
      listOnce(type);
      projected.put(type, (out, e, m) -> projection.project(out, e, type.cast(m)));
      return this;
    }

    /**
     * lists a message type that is kept in the raw log only.
     *
     * @param type the message record.
     * @return this table.
     * @throws IllegalStateException when {@code type} is listed already.
     */
    Table rawOnly(Class<? extends CfxMessage> type) {
      listOnce(type);
      rawOnly.add(type);
      return this;
    }

    private void listOnce(Class<? extends CfxMessage> type) {
      if (projected.containsKey(type) || rawOnly.contains(type)) {
        throw new IllegalStateException(type.getName() + " is listed twice in the projection table; a message type lands in one place");
      }
    }
  }
}
