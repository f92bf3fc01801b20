package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.StageInformation}: its member is stage. This is the base
 * class itself, decoded when no {@code $type} names a subclass.
 */
public record BasicStageInformation(
    @Nullable Stage stage,
    Map<String, JsonNode> extensions)
    implements CfxRecord, StageInformation {

  /** copies the collections, so that the record is immutable. */
  public BasicStageInformation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicStageInformation(
      @Nullable Stage stage) {
    this(stage, Map.of());
  }
}
