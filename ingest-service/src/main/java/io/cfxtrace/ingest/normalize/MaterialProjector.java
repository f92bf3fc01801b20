package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.normalize.UnitResolver.Unit;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.store.StoreTime;
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
import io.cfxtrace.model.cfx.production.application.MaterialsApplied;
import io.cfxtrace.model.cfx.production.application.MaterialsUnapplied;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.production.assembly.MaterialsUninstalled;
import io.cfxtrace.model.cfx.structures.AppliedComponent;
import io.cfxtrace.model.cfx.structures.AppliedMaterial;
import io.cfxtrace.model.cfx.structures.BasicInstalledComponent;
import io.cfxtrace.model.cfx.structures.BasicInstalledMaterial;
import io.cfxtrace.model.cfx.structures.BasicMaterialCarrier;
import io.cfxtrace.model.cfx.structures.BasicNonInstalledComponent;
import io.cfxtrace.model.cfx.structures.ConsumedMaterial;
import io.cfxtrace.model.cfx.structures.InstalledComponent;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import io.cfxtrace.model.cfx.structures.MaterialCarrier;
import io.cfxtrace.model.cfx.structures.MaterialCarrierLocation;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.MaterialPackageDetail;
import io.cfxtrace.model.cfx.structures.NonInstalledComponent;
import io.cfxtrace.model.cfx.structures.UninstalledMaterial;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDBulkCaseFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDMultiTrayFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTapeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTrayFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTubeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTNonInstalledComponent;
import io.cfxtrace.model.value.CfxTimestamp;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * materials and setups: what happens to material packages, and which of them went into which unit.
 * Storage (CFX.Materials.Storage: loaded, unloaded, empty, spliced, carriers) gives the station's
 * setups ({@code material_setup}, ended at the earliest end after their start) and {@code
 * station_event} rows for carriers; management (CFX.Materials.Management: initialized, modified,
 * split, joined, consumed, retired) gives {@code material_event} rows; assembly and application
 * (CFX.Production.Assembly/Application: installed, applied, uninstalled, unapplied) give the
 * component lot to unit links of {@code unit_material}. Every package a message describes goes to
 * {@link MaterialPackages}. Where each message lands: {@link Projections}.
 */
final class MaterialProjector extends Projector {

  private final MaterialPackages packages;

  MaterialProjector(UnitResolver units, MaterialPackages packages, ZoneOffset zoneless) {
    super(units, zoneless);
    this.packages = packages;
  }

  // ---- CFX.Materials.Management

  void materialsConsumed(StoreBatch out, StoredEnvelope e, MaterialsConsumed c) {
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
  }

  void materialsInitialized(StoreBatch out, StoredEnvelope e, MaterialsInitialized mi) {
    if (mi.materials() != null) {
      for (MaterialPackageDetail p : mi.materials()) {
        if (p != null && p.uniqueIdentifier() != null) {
          packages.write(out, e, p);
          material(out, e, p.uniqueIdentifier(), "initialized", p.internalPartNumber(), p.batchId(), p.quantity(), null, detail(p));
        }
      }
    }
  }

  void materialsJoined(StoreBatch out, StoredEnvelope e, MaterialsJoined j) {
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
  }

  void materialsModified(StoreBatch out, StoredEnvelope e, MaterialsModified mm) {
    if (mm.materials() != null) {
      for (MaterialPackageDetail p : mm.materials()) {
        if (p != null && p.uniqueIdentifier() != null) {
          packages.write(out, e, p);
          material(out, e, p.uniqueIdentifier(), "modified", p.internalPartNumber(), p.batchId(), p.quantity(), null,
              detail(p).put("reason", text(mm.reason())));
        }
      }
    }
  }

  void materialsRetired(StoreBatch out, StoredEnvelope e, MaterialsRetired r) {
    if (r.materials() != null) {
      for (MaterialPackage p : r.materials()) {
        if (p != null && p.uniqueIdentifier() != null) {
          packages.write(out, e, p, true);
          material(out, e, p.uniqueIdentifier(), "retired", p.internalPartNumber(), p.batchId(), p.quantity(), null, null);
        }
      }
    }
  }

  void materialsSplit(StoreBatch out, StoredEnvelope e, MaterialsSplit s) {
    if (s.sourceMaterialPackageIdentifier() != null) {
      material(out, e, s.sourceMaterialPackageIdentifier(), "split", null, null, s.sourceMaterialPackageRemainingQuantity(),
          s.newMaterialPackageIdentifier(), null);
    }
    if (s.newMaterialPackageIdentifier() != null) {
      material(out, e, s.newMaterialPackageIdentifier(), "split_from", null, null, s.newMaterialPackageQuantity(),
          s.sourceMaterialPackageIdentifier(), null);
    }
  }

  // ---- CFX.Materials.Storage

  void materialCarriersLoaded(StoreBatch out, StoredEnvelope e, MaterialCarriersLoaded c) {
    if (c.carriers() != null) {
      for (MaterialCarrierLocation loc : c.carriers()) {
        if (loc != null) {
          stationEvent(out, e, "carrier_loaded", null, null, null, null, null, null, null,
              JSON.objectNode().put("carrier", carrierId(loc.carrierInformation())).put("location", loc.locationIdentifier())
                  .put("locationName", loc.locationName()));
        }
      }
    }
  }

  void materialCarriersUnloaded(StoreBatch out, StoredEnvelope e, MaterialCarriersUnloaded c) {
    if (c.carrierIdentifiers() != null) {
      for (String id : c.carrierIdentifiers()) {
        if (id != null) {
          stationEvent(out, e, "carrier_unloaded", null, null, null, null, null, null, null, JSON.objectNode().put("carrier", id));
        }
      }
    }
  }

  void materialsEmpty(StoreBatch out, StoredEnvelope e, MaterialsEmpty em) {
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
  }

  void materialsLoaded(StoreBatch out, StoredEnvelope e, MaterialsLoaded l) {
    if (l.materials() != null) {
      for (MaterialLocation loc : l.materials()) {
        load(out, e, loc);
      }
    }
  }

  void materialsUnloaded(StoreBatch out, StoredEnvelope e, MaterialsUnloaded u) {
    if (u.materialPackageIdentifiers() != null) {
      for (String id : u.materialPackageIdentifiers()) {
        if (id != null) {
          out.closeMaterialSetup(station(e), id, e.eventTime(), "unloaded");
          material(out, e, id, "unloaded", null, null, null, null, null);
        }
      }
    }
  }

  /** the depleted reel's interval ends at the splice; the spliced-on reel's begins. */
  void splicePointDetected(StoreBatch out, StoredEnvelope e, SplicePointDetected s) {
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
  }

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
        carrierId(loc.carrierInformation()), carrier(loc.carrierInformation()), e.eventTime(), null, null, e.uniqueId(), StoreTime.tick(e.eventTime()), null);
    material(out, e, p.uniqueIdentifier(), "loaded", p.internalPartNumber(), p.batchId(), p.quantity(), null,
        JSON.objectNode().put("location", loc.locationIdentifier()));
  }

  private static void material(StoreBatch out, StoredEnvelope e, String id, String type, @Nullable String part, @Nullable String lot,
      @Nullable Double quantity, @Nullable String related, @Nullable JsonNode details) {
    out.materialEvents.add(e.eventTime(), id, type, part, lot, quantity, related, station(e), e.uniqueId(), details, StoreTime.tick(e.eventTime()));
  }

  private static ObjectNode detail(MaterialPackageDetail p) {
    return JSON.objectNode().put("manufacturer", p.manufacturer()).put("manufacturerPartNumber", p.manufacturerPartNumber())
        .put("manufacturerLotCode", p.manufacturerLotCode()).put("vendor", p.vendor()).put("vendorPartNumber", p.vendorPartNumber())
        .put("status", text(p.status()));
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

  // ---- CFX.Production.Application and CFX.Production.Assembly

  void materialsApplied(StoreBatch out, StoredEnvelope e, MaterialsApplied ma) throws SQLException {
    installed(out, e, tx(ma.transactionId()), ma.appliedMaterials(), "applied");
  }

  void materialsUnapplied(StoreBatch out, StoredEnvelope e, MaterialsUnapplied mu) throws SQLException {
    uninstalled(out, e, tx(mu.transactionId()), mu.unappliedMaterials(), "unapplied");
  }

  void materialsInstalled(StoreBatch out, StoredEnvelope e, MaterialsInstalled mi) throws SQLException {
    installed(out, e, tx(mi.transactionId()), mi.installedMaterials(), "installed");
  }

  void materialsUninstalled(StoreBatch out, StoredEnvelope e, MaterialsUninstalled mu) throws SQLException {
    uninstalled(out, e, tx(mu.transactionId()), mu.uninstalledMaterials(), "uninstalled");
  }

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
}
