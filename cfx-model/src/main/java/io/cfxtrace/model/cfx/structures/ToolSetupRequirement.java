package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ToolSetupRequirement}: the tool (part number, and optionally the tool's own identifier) required at a position.
 */
public record ToolSetupRequirement(
    @Nullable String position,
    @Nullable String partNumber,
    @Nullable String toolIdentifier,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ToolSetupRequirement {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ToolSetupRequirement(
      @Nullable String position,
      @Nullable String partNumber,
      @Nullable String toolIdentifier) {
    this(position, partNumber, toolIdentifier, Map.of());
  }
}
