package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.AppliedMaterial}: its members are unit identifier, unit
 * position number, quantity installed and 7 more. Derives from {@code
 * CFX.Structures.InstalledMaterial}, whose members come first. Since CFX 2.0.
 */
public record AppliedMaterial(
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable Double quantityInstalled,
    @Nullable Double quantityNonInstalled,
    @Nullable MaterialPackage material,
    @Nullable MaterialCarrierLocation carrierLocation,
    @Nullable List<InstalledComponent> installedComponents,
    @Nullable List<NonInstalledComponent> nonInstalledComponents,
    @Nullable String referencePartNumber,
    @Nullable NumericValue quantityApplied,
    Map<String, JsonNode> extensions)
    implements CfxRecord, InstalledMaterial {

  /** copies the collections, so that the record is immutable. */
  public AppliedMaterial {
    installedComponents = Immutables.list(installedComponents);
    nonInstalledComponents = Immutables.list(nonInstalledComponents);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public AppliedMaterial(
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable Double quantityInstalled,
      @Nullable Double quantityNonInstalled,
      @Nullable MaterialPackage material,
      @Nullable MaterialCarrierLocation carrierLocation,
      @Nullable List<InstalledComponent> installedComponents,
      @Nullable List<NonInstalledComponent> nonInstalledComponents,
      @Nullable String referencePartNumber,
      @Nullable NumericValue quantityApplied) {
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
        quantityApplied,
        Map.of());
  }
}
