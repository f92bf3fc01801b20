package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Recipe;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.PCBInspectionRecipe}: its members are name,
 * revision, expected cycle time and 8 more. Derives from {@code CFX.Structures.Recipe}, whose
 * members come first.
 */
public record PCBInspectionRecipe(
    @Nullable String name,
    @Nullable String revision,
    @Nullable Double expectedCycleTime,
    @Nullable Double expectedWorkTime,
    @Nullable Double expectedUnitsPerWorkTransaction,
    @Nullable Double unitLength,
    @Nullable Double unitWidth,
    @Nullable Double unitHeight,
    @Nullable String mimeType,
    @Nullable String recipeData,
    @Nullable Panel panel,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Recipe {

  /** copies the collections, so that the record is immutable. */
  public PCBInspectionRecipe {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public PCBInspectionRecipe(
      @Nullable String name,
      @Nullable String revision,
      @Nullable Double expectedCycleTime,
      @Nullable Double expectedWorkTime,
      @Nullable Double expectedUnitsPerWorkTransaction,
      @Nullable Double unitLength,
      @Nullable Double unitWidth,
      @Nullable Double unitHeight,
      @Nullable String mimeType,
      @Nullable String recipeData,
      @Nullable Panel panel) {
    this(
        name,
        revision,
        expectedCycleTime,
        expectedWorkTime,
        expectedUnitsPerWorkTransaction,
        unitLength,
        unitWidth,
        unitHeight,
        mimeType,
        recipeData,
        panel,
        Map.of());
  }
}
