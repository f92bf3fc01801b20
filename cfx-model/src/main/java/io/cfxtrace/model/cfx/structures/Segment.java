package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX structure {@code CFX.Structures.Segment}: its members are X and Y. */
public record Segment(
    @Nullable Double x,
    @Nullable Double y,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Segment {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Segment(
      @Nullable Double x,
      @Nullable Double y) {
    this(x, y, Map.of());
  }
}
