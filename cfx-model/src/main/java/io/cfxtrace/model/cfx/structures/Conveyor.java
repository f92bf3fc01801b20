package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Conveyor}: its members are resource name, resource
 * identifier, identifer uniqueness and 13 more. Derives from {@code
 * CFX.Structures.ResourceInformation}, whose members come first. Since CFX 1.3.
 */
public record Conveyor(
    @Nullable String resourceName,
    @Nullable String resourceIdentifier,
    @Nullable EnumValue<IdentiferUniquenessType> identiferUniqueness,
    @Nullable String resourceType,
    @Nullable String resourcePosition,
    @Nullable MaintenanceStatus maintenanceStatus,
    @Nullable List<ResourceInformation> additionalSubResources,
    @Nullable Integer sequence,
    @Nullable Double speedSetPoint,
    @Nullable Double speedReadingPoint,
    @Nullable Double widthSetPoint,
    @Nullable Double widthReadingPoint,
    @Nullable Double centerSupportPositionSetPoint,
    @Nullable Double centerSupportPositionReadingPoint,
    @Nullable Double centerSupportHeightSetPoint,
    @Nullable Double centerSupportHeightReadingPoint,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ResourceInformation {

  /** copies the collections, so that the record is immutable. */
  public Conveyor {
    additionalSubResources = Immutables.list(additionalSubResources);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Conveyor(
      @Nullable String resourceName,
      @Nullable String resourceIdentifier,
      @Nullable EnumValue<IdentiferUniquenessType> identiferUniqueness,
      @Nullable String resourceType,
      @Nullable String resourcePosition,
      @Nullable MaintenanceStatus maintenanceStatus,
      @Nullable List<ResourceInformation> additionalSubResources,
      @Nullable Integer sequence,
      @Nullable Double speedSetPoint,
      @Nullable Double speedReadingPoint,
      @Nullable Double widthSetPoint,
      @Nullable Double widthReadingPoint,
      @Nullable Double centerSupportPositionSetPoint,
      @Nullable Double centerSupportPositionReadingPoint,
      @Nullable Double centerSupportHeightSetPoint,
      @Nullable Double centerSupportHeightReadingPoint) {
    this(
        resourceName,
        resourceIdentifier,
        identiferUniqueness,
        resourceType,
        resourcePosition,
        maintenanceStatus,
        additionalSubResources,
        sequence,
        speedSetPoint,
        speedReadingPoint,
        widthSetPoint,
        widthReadingPoint,
        centerSupportPositionSetPoint,
        centerSupportPositionReadingPoint,
        centerSupportHeightSetPoint,
        centerSupportHeightReadingPoint,
        Map.of());
  }
}
