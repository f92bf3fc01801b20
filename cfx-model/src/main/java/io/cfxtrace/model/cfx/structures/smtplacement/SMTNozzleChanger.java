package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.IdentiferUniquenessType;
import io.cfxtrace.model.cfx.structures.MaintenanceStatus;
import io.cfxtrace.model.cfx.structures.ResourceInformation;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTNozzleChanger}: its members are resource
 * name, resource identifier, identifer uniqueness and 4 more. Derives from {@code
 * CFX.Structures.ResourceInformation}, whose members come first. Since CFX 1.3.
 */
public record SMTNozzleChanger(
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
  public SMTNozzleChanger {
    additionalSubResources = Immutables.list(additionalSubResources);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTNozzleChanger(
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
