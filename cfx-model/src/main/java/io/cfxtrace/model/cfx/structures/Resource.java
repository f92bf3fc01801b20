package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Resource}: its members are unique identifier, name, resource
 * type and 6 more. Since CFX 1.3.
 */
public record Resource(
    @Nullable String uniqueIdentifier,
    @Nullable String name,
    @Nullable String resourceType,
    @Nullable EnumValue<ResourceType> type,
    @Nullable String vendor,
    @Nullable String modelNumber,
    @Nullable String serialNumber,
    @Nullable String softwareVersion,
    @Nullable String firmwareVersion,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Resource {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Resource(
      @Nullable String uniqueIdentifier,
      @Nullable String name,
      @Nullable String resourceType,
      @Nullable EnumValue<ResourceType> type,
      @Nullable String vendor,
      @Nullable String modelNumber,
      @Nullable String serialNumber,
      @Nullable String softwareVersion,
      @Nullable String firmwareVersion) {
    this(
        uniqueIdentifier,
        name,
        resourceType,
        type,
        vendor,
        modelNumber,
        serialNumber,
        softwareVersion,
        firmwareVersion,
        Map.of());
  }
}
