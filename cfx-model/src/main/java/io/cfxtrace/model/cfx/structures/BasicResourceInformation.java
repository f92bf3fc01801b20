package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ResourceInformation}: its members are resource name, resource
 * identifier, identifer uniqueness and 4 more. This is the base class itself, decoded when no
 * {@code $type} names a subclass. Since CFX 1.3.
 */
public record BasicResourceInformation(
    @Nullable String resourceName,
    @Nullable String resourceIdentifier,
    @Nullable EnumValue<IdentiferUniquenessType> identiferUniqueness,
    @Nullable String resourceType,
    @Nullable String resourcePosition,
    @Nullable MaintenanceStatus maintenanceStatus,
    @Nullable List<ResourceInformation> additionalSubResources,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ResourceInformation {

  /** copies the collections, so that the record is immutable. */
  public BasicResourceInformation {
    additionalSubResources = Immutables.list(additionalSubResources);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicResourceInformation(
      @Nullable String resourceName,
      @Nullable String resourceIdentifier,
      @Nullable EnumValue<IdentiferUniquenessType> identiferUniqueness,
      @Nullable String resourceType,
      @Nullable String resourcePosition,
      @Nullable MaintenanceStatus maintenanceStatus,
      @Nullable List<ResourceInformation> additionalSubResources) {
    this(
        resourceName,
        resourceIdentifier,
        identiferUniqueness,
        resourceType,
        resourcePosition,
        maintenanceStatus,
        additionalSubResources,
        Map.of());
  }
}
