package io.cfxtrace.model.cfx.structures.solderreflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.StageType;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderReflow.ReflowZone}: its members are stage sequence,
 * stage name, stage type and reflow zone type. Derives from {@code CFX.Structures.Stage}, whose
 * members come first.
 */
public record ReflowZone(
    @Nullable Integer stageSequence,
    @Nullable String stageName,
    @Nullable EnumValue<StageType> stageType,
    @Nullable EnumValue<ReflowZoneType> reflowZoneType,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Stage {

  /** copies the collections, so that the record is immutable. */
  public ReflowZone {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ReflowZone(
      @Nullable Integer stageSequence,
      @Nullable String stageName,
      @Nullable EnumValue<StageType> stageType,
      @Nullable EnumValue<ReflowZoneType> reflowZoneType) {
    this(stageSequence, stageName, stageType, reflowZoneType, Map.of());
  }
}
