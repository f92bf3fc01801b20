package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Stage}: its members are stage sequence, stage name and stage
 * type. This is the base class itself, decoded when no {@code $type} names a subclass.
 */
public record BasicStage(
    @Nullable Integer stageSequence,
    @Nullable String stageName,
    @Nullable EnumValue<StageType> stageType,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Stage {

  /** copies the collections, so that the record is immutable. */
  public BasicStage {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicStage(
      @Nullable Integer stageSequence,
      @Nullable String stageName,
      @Nullable EnumValue<StageType> stageType) {
    this(stageSequence, stageName, stageType, Map.of());
  }
}
