package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Region}: its members are start point X, start point Y and
 * region segments.
 */
public record Region(
    @Nullable Double startPointX,
    @Nullable Double startPointY,
    @Nullable List<Segment> regionSegments,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Region {
    regionSegments = Immutables.list(regionSegments);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Region(
      @Nullable Double startPointX,
      @Nullable Double startPointY,
      @Nullable List<Segment> regionSegments) {
    this(startPointX, startPointY, regionSegments, Map.of());
  }
}
