package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Recipe}: its members are name, revision, expected cycle time
 * and 7 more. This is the base class itself, decoded when no {@code $type} names a subclass.
 */
public record BasicRecipe(
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
    Map<String, JsonNode> extensions)
    implements CfxRecord, Recipe {

  /** copies the collections, so that the record is immutable. */
  public BasicRecipe {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicRecipe(
      @Nullable String name,
      @Nullable String revision,
      @Nullable Double expectedCycleTime,
      @Nullable Double expectedWorkTime,
      @Nullable Double expectedUnitsPerWorkTransaction,
      @Nullable Double unitLength,
      @Nullable Double unitWidth,
      @Nullable Double unitHeight,
      @Nullable String mimeType,
      @Nullable String recipeData) {
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
        Map.of());
  }
}
