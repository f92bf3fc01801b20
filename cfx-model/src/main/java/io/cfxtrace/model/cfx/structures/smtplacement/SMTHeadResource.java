package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Camera;
import io.cfxtrace.model.cfx.structures.IdentiferUniquenessType;
import io.cfxtrace.model.cfx.structures.MaintenanceStatus;
import io.cfxtrace.model.cfx.structures.ResourceInformation;
import io.cfxtrace.model.cfx.structures.RotationAxis;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTHeadResource}: its members are resource name,
 * resource identifier, identifer uniqueness and 6 more. Derives from {@code
 * CFX.Structures.ResourceInformation}, whose members come first. Since CFX 1.3.
 */
public record SMTHeadResource(
    @Nullable String resourceName,
    @Nullable String resourceIdentifier,
    @Nullable EnumValue<IdentiferUniquenessType> identiferUniqueness,
    @Nullable String resourceType,
    @Nullable String resourcePosition,
    @Nullable MaintenanceStatus maintenanceStatus,
    @Nullable List<ResourceInformation> additionalSubResources,
    @Nullable List<Camera> cameras,
    @Nullable List<RotationAxis> rotationAxes,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ResourceInformation {

  /** copies the collections, so that the record is immutable. */
  public SMTHeadResource {
    additionalSubResources = Immutables.list(additionalSubResources);
    cameras = Immutables.list(cameras);
    rotationAxes = Immutables.list(rotationAxes);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTHeadResource(
      @Nullable String resourceName,
      @Nullable String resourceIdentifier,
      @Nullable EnumValue<IdentiferUniquenessType> identiferUniqueness,
      @Nullable String resourceType,
      @Nullable String resourcePosition,
      @Nullable MaintenanceStatus maintenanceStatus,
      @Nullable List<ResourceInformation> additionalSubResources,
      @Nullable List<Camera> cameras,
      @Nullable List<RotationAxis> rotationAxes) {
    this(
        resourceName,
        resourceIdentifier,
        identiferUniqueness,
        resourceType,
        resourcePosition,
        maintenanceStatus,
        additionalSubResources,
        cameras,
        rotationAxes,
        Map.of());
  }
}
