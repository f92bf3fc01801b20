package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ResourceLocation}: its members are resource, location detail
 * and parent resource location. Since CFX 1.7.
 */
public record ResourceLocation(
    @Nullable Resource resource,
    @Nullable LocationDetail locationDetail,
    @Nullable ResourceLocation parentResourceLocation,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ResourceLocation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ResourceLocation(
      @Nullable Resource resource,
      @Nullable LocationDetail locationDetail,
      @Nullable ResourceLocation parentResourceLocation) {
    this(resource, locationDetail, parentResourceLocation, Map.of());
  }
}
