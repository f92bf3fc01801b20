package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.InstalledMaterial}: its members are unit identifier, unit
 * position number, quantity installed and 6 more. This is the base class itself, decoded when no
 * {@code $type} names a subclass.
 */
public record BasicInstalledMaterial(
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable Double quantityInstalled,
    @Nullable Double quantityNonInstalled,
    @Nullable MaterialPackage material,
    @Nullable MaterialCarrierLocation carrierLocation,
    @Nullable List<InstalledComponent> installedComponents,
    @Nullable List<NonInstalledComponent> nonInstalledComponents,
    @Nullable String referencePartNumber,
    Map<String, JsonNode> extensions)
    implements CfxRecord, InstalledMaterial {

  /** copies the collections, so that the record is immutable. */
  public BasicInstalledMaterial {
    installedComponents = Immutables.list(installedComponents);
    nonInstalledComponents = Immutables.list(nonInstalledComponents);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicInstalledMaterial(
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable Double quantityInstalled,
      @Nullable Double quantityNonInstalled,
      @Nullable MaterialPackage material,
      @Nullable MaterialCarrierLocation carrierLocation,
      @Nullable List<InstalledComponent> installedComponents,
      @Nullable List<NonInstalledComponent> nonInstalledComponents,
      @Nullable String referencePartNumber) {
    this(
        unitIdentifier,
        unitPositionNumber,
        quantityInstalled,
        quantityNonInstalled,
        material,
        carrierLocation,
        installedComponents,
        nonInstalledComponents,
        referencePartNumber,
        Map.of());
  }
}
