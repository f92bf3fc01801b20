package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.RecipeStageInformation}: its members are stage, expected
 * cycle time, expected work time and number of components per unit. This is the base class itself,
 * decoded when no {@code $type} names a subclass. Since CFX 1.2.
 */
public record BasicRecipeStageInformation(
    @Nullable Stage stage,
    @Nullable Double expectedCycleTime,
    @Nullable Double expectedWorkTime,
    @Nullable Double numberOfComponentsPerUnit,
    Map<String, JsonNode> extensions)
    implements CfxRecord, RecipeStageInformation {

  /** copies the collections, so that the record is immutable. */
  public BasicRecipeStageInformation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicRecipeStageInformation(
      @Nullable Stage stage,
      @Nullable Double expectedCycleTime,
      @Nullable Double expectedWorkTime,
      @Nullable Double numberOfComponentsPerUnit) {
    this(stage, expectedCycleTime, expectedWorkTime, numberOfComponentsPerUnit, Map.of());
  }
}
