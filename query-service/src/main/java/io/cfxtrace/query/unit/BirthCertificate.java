package io.cfxtrace.query.unit;

import io.cfxtrace.query.conflict.Conflict;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * what the event store knows about one unit.
 *
 * @param unit the unit's id (its serial once one was named).
 * @param keys every key its rows are stored under: the id and its provisional aliases (a reusable
 *     carrier's {@code <carrier>#<n>} counts only within the time it named this unit).
 * @param workOrders the work orders the unit was built for (CFX WorkOrderIdentifier of WorkStarted
 *     and UnitsInitialized), in the order they first appear.
 * @param route the unit's events in time order.
 * @param materials exact and inferred material links.
 * @param process process data of the unit and of the transactions it took part in.
 * @param checks inspections, tests and repairs, each with its measurements and defects.
 * @param characteristics personalisation (firmware version and hash, MAC address...).
 * @param genealogy panel, siblings and sub-assemblies.
 * @param conflicts pairs of the unit's work windows at different stations that overlap in time (a
 *     board in two machines at once: a duplicated serial, a misread label), in the order the
 *     overlaps begin; empty for a unit whose records agree. The route steps of those windows are
 *     marked {@link RouteStep#conflict()}.
 * @param summary the verdict and the board's journey at a glance, for the page's header.
 * @param reflow the oven runs: zones in the oven's order, peak temperature, time above liquidus.
 */
public record BirthCertificate(
    String unit,
    List<String> keys,
    List<String> workOrders,
    List<RouteStep> route,
    List<MaterialLink> materials,
    List<ProcessValue> process,
    List<Check> checks,
    List<Characteristic> characteristics,
    Genealogy genealogy,
    List<Conflict> conflicts,
    Summary summary,
    List<ReflowRun> reflow) {

  /**
   * the certificate's header.
   *
   * @param verdict passed, failed, scrapped, repaired or in progress, and why ({@link Verdict}).
   * @param recipes the recipes the stations ran on the unit (its product, as CFX names it), in
   *     the order first used.
   * @param workOrder the first work order, if any.
   * @param firstStation the station of its first unit event.
   * @param firstTime when.
   * @param lastStation the station of its last unit event.
   * @param lastTime when.
   * @param stations how many distinct stations it went through.
   */
  public record Summary(
      Verdict verdict,
      List<String> recipes,
      @Nullable String workOrder,
      @Nullable String firstStation,
      @Nullable Instant firstTime,
      @Nullable String lastStation,
      @Nullable Instant lastTime,
      int stations) {}

  /**
   * one unit_event row.
   *
   * @param workOrder the work order of the step's transaction (from its WorkStarted, or the step's
   *     own UnitsInitialized), if one was named.
   * @param workOrderBatch the batch of that work order, if any.
   * @param conflict whether the step belongs to a work window (its station and transaction) that
   *     is in one of the certificate's {@code conflicts}.
   * @param operator the operator the message named, else the one logged in at the station at the
   *     time (operator_session: CFX OperatorActivated to OperatorDeactivated).
   * @param operatorName that operator's name from the session, if known.
   */
  public record RouteStep(
      Instant time,
      String station,
      String eventType,
      @Nullable String transaction,
      @Nullable Integer lane,
      @Nullable String stage,
      @Nullable String result,
      @Nullable String recipe,
      @Nullable String operator,
      String key,
      @Nullable String workOrder,
      @Nullable String workOrderBatch,
      boolean conflict,
      @Nullable String operatorName) {

    /** this step, marked as part of a conflicting window; known only once the windows are paired. */
    RouteStep inConflict() {
      return new RouteStep(time, station, eventType, transaction, lane, stage, result, recipe, operator, key, workOrder, workOrderBatch, true,
          operatorName);
    }
  }

  /**
   * a material in the unit.
   *
   * @param link {@code exact} (the station reported it installed or applied into this unit),
   *     {@code inferred} (the package sat at a location of a station while the unit was processed
   *     there, and the station reported no exact link for it) or {@code rejected} (the station
   *     picked a part from the package for this unit and did not place it: CFX
   *     NonInstalledComponents; not in the unit).
   * @param candidates for an inferred link, how many packages sat at that location during the
   *     unit's window (more than one after a splice or a reel change); 1 for an exact link.
   * @param time when it was installed (exact) or when the unit's transaction at the station began
   *     (inferred).
   * @param until for an inferred link, when that transaction ended.
   * @param loadedAt for an inferred link, when the package was loaded at the location.
   * @param unloadedAt for an inferred link, when it was unloaded (null while still loaded).
   * @param kind what the station reported: installed, applied, uninstalled, unapplied,
   *     not_installed, not_applied; null for an inferred link.
   * @param manufacturer the package's manufacturer (material_package: MaterialPackageDetail).
   * @param manufacturerPartNumber the manufacturer's part number.
   * @param manufacturerLotCode the manufacturer's lot or date code.
   * @param vendor the vendor the package came from.
   * @param expiresAt when the package expires.
   * @param referencePartNumber the part the recipe asked for, when an alternate part was placed
   *     (CFX InstalledMaterial.ReferencePartNumber).
   * @param leadingPackage the package this one was spliced onto (CFX
   *     MaterialPackage.LeadingMaterialPackage): near the splice the part may be from it.
   * @param greyZone how many parts around the splice may be from either package.
   * @param spliceChain every package of the splice chain, nearest leader first.
   * @param rejectionReason for a rejected link, why the part was not placed.
   */
  public record MaterialLink(
      String link,
      @Nullable String referenceDesignator,
      @Nullable String partNumber,
      @Nullable String materialPackage,
      @Nullable String lot,
      @Nullable String station,
      @Nullable String location,
      @Nullable String carrier,
      @Nullable String headAndNozzle,
      @Nullable String transaction,
      @Nullable Instant time,
      @Nullable Instant until,
      @Nullable Instant loadedAt,
      @Nullable Instant unloadedAt,
      int candidates,
      @Nullable String kind,
      @Nullable String manufacturer,
      @Nullable String manufacturerPartNumber,
      @Nullable String manufacturerLotCode,
      @Nullable String vendor,
      @Nullable Instant expiresAt,
      @Nullable String referencePartNumber,
      @Nullable String leadingPackage,
      @Nullable Double greyZone,
      List<SplicedPackage> spliceChain,
      @Nullable String rejectionReason) {

    /** this link with the label data of its package (manufacturer, vendor, expiry). */
    MaterialLink withLabel(@Nullable String manufacturer, @Nullable String manufacturerPartNumber, @Nullable String manufacturerLotCode,
        @Nullable String vendor, @Nullable Instant expiresAt) {
      return new MaterialLink(link, referenceDesignator, partNumber, materialPackage, lot, station, location, carrier, headAndNozzle, transaction, time,
          until, loadedAt, unloadedAt, candidates, kind, manufacturer, manufacturerPartNumber, manufacturerLotCode, vendor, expiresAt,
          referencePartNumber, leadingPackage, greyZone, spliceChain, rejectionReason);
    }
  }

  /** a package of a splice chain. */
  public record SplicedPackage(@Nullable String id, @Nullable String partNumber, @Nullable String lot) {}

  /**
   * one process_value row.
   *
   * @param zoneSequence the zone's place in its machine (CFX StageSequence of a reflow zone), if
   *     sent and stored (V10).
   */
  public record ProcessValue(
      Instant time,
      @Nullable String station,
      @Nullable String transaction,
      String kind,
      @Nullable String zone,
      @Nullable String subZone,
      String parameter,
      @Nullable Double value,
      @Nullable String valueText,
      @Nullable String unitOfMeasure,
      @Nullable Integer zoneSequence) {}

  /** one unit_check row with what it measured and found. */
  public record Check(
      Instant time,
      String kind,
      @Nullable String name,
      @Nullable String checkId,
      @Nullable String result,
      @Nullable String station,
      @Nullable String transaction,
      @Nullable String method,
      @Nullable String operator,
      @Nullable String recipe,
      @Nullable Instant startedAt,
      @Nullable Instant endedAt,
      List<Measurement> measurements,
      List<Defect> defects) {}

  /** one measurement row. */
  public record Measurement(
      @Nullable String name,
      @Nullable String designators,
      @Nullable Double value,
      @Nullable String valueText,
      @Nullable Double expected,
      @Nullable Double lowerLimit,
      @Nullable Double upperLimit,
      @Nullable String unitOfMeasure,
      @Nullable String result) {}

  /** one defect row. */
  public record Defect(
      @Nullable String defectId,
      @Nullable String code,
      @Nullable String category,
      @Nullable String description,
      @Nullable String referenceDesignator,
      @Nullable String partNumber,
      @Nullable String verification) {}

  /** one unit_characteristic row. */
  public record Characteristic(Instant time, String name, @Nullable String value, @Nullable String station, @Nullable String transaction) {}

  /**
   * the unit's place in the genealogy.
   *
   * @param parents what the unit is part of (its panel, its carrier, the board it went into).
   * @param siblings the other children of those parents.
   * @param children what is part of the unit (sub-assemblies; for a panel, its boards).
   */
  public record Genealogy(List<Relative> parents, List<Relative> siblings, List<Relative> children) {}

  /** a unit related through a unit_edge row. */
  public record Relative(
      String id,
      String kind,
      @Nullable Integer position,
      @Nullable String referenceDesignator,
      @Nullable String station,
      @Nullable Instant time) {}
}
