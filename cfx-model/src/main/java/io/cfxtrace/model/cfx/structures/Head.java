package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Head}: its members are head id, head sequence and head name.
 */
public record Head(
    @Nullable String headId,
    @Nullable Integer headSequence,
    @Nullable String headName,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Head {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Head(
      @Nullable String headId,
      @Nullable Integer headSequence,
      @Nullable String headName) {
    this(headId, headSequence, headName, Map.of());
  }
}
