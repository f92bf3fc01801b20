package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.LocationDetail}: its members are location identifier and
 * location name. This is the base class itself, decoded when no {@code $type} names a subclass.
 * Since CFX 1.7.
 */
public record BasicLocationDetail(
    @Nullable String locationIdentifier,
    @Nullable String locationName,
    Map<String, JsonNode> extensions)
    implements CfxRecord, LocationDetail {

  /** copies the collections, so that the record is immutable. */
  public BasicLocationDetail {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicLocationDetail(
      @Nullable String locationIdentifier,
      @Nullable String locationName) {
    this(locationIdentifier, locationName, Map.of());
  }
}
