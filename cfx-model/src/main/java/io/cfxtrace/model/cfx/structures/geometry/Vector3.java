package io.cfxtrace.model.cfx.structures.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX struct {@code CFX.Structures.Geometry.Vector3}: its members are X, Y and Z. */
public record Vector3(
    @Nullable Double x,
    @Nullable Double y,
    @Nullable Double z,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Vector3 {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Vector3(
      @Nullable Double x,
      @Nullable Double y,
      @Nullable Double z) {
    this(x, y, z, Map.of());
  }
}
