package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTRecipeStageInformation}: its members are stage, expected
 * cycle time, expected work time and 2 more. Derives from {@code
 * CFX.Structures.RecipeStageInformation}, whose members come first. Since CFX 1.5.
 */
public record SMTRecipeStageInformation(
    @Nullable Stage stage,
    @Nullable Double expectedCycleTime,
    @Nullable Double expectedWorkTime,
    @Nullable Double numberOfComponentsPerUnit,
    @Nullable List<Head> heads,
    Map<String, JsonNode> extensions)
    implements CfxRecord, RecipeStageInformation {

  /** copies the collections, so that the record is immutable. */
  public SMTRecipeStageInformation {
    heads = Immutables.list(heads);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTRecipeStageInformation(
      @Nullable Stage stage,
      @Nullable Double expectedCycleTime,
      @Nullable Double expectedWorkTime,
      @Nullable Double numberOfComponentsPerUnit,
      @Nullable List<Head> heads) {
    this(stage, expectedCycleTime, expectedWorkTime, numberOfComponentsPerUnit, heads, Map.of());
  }
}
