package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.StationSetupRequirements}: the materials and tools a setup needs: lane, stage, setup name, and the material and tool
 * requirements per position.
 */
public record StationSetupRequirements(
    @Nullable Integer lane,
    @Nullable Stage stage,
    @Nullable String setupName,
    @Nullable List<MaterialSetupRequirement> materialSetupRequirements,
    @Nullable List<ToolSetupRequirement> toolSetupRequirements,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public StationSetupRequirements {
    materialSetupRequirements = Immutables.list(materialSetupRequirements);
    toolSetupRequirements = Immutables.list(toolSetupRequirements);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public StationSetupRequirements(
      @Nullable Integer lane,
      @Nullable Stage stage,
      @Nullable String setupName,
      @Nullable List<MaterialSetupRequirement> materialSetupRequirements,
      @Nullable List<ToolSetupRequirement> toolSetupRequirements) {
    this(lane, stage, setupName, materialSetupRequirements, toolSetupRequirements, Map.of());
  }
}
