package io.cfxtrace.model.cfx.structures.solderpasteprinting;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Recipe;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPastePrinting.SolderPastePrintingRecipe}: its members
 * are name, revision, expected cycle time and 11 more. Derives from {@code CFX.Structures.Recipe},
 * whose members come first. Since CFX 1.2.
 */
public record SolderPastePrintingRecipe(
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
    @Nullable List<Stroke> strokes,
    @Nullable Double printGap,
    @Nullable Separation separation,
    @Nullable List<PeriodicCleaning> periodicCleanings,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Recipe {

  /** copies the collections, so that the record is immutable. */
  public SolderPastePrintingRecipe {
    strokes = Immutables.list(strokes);
    periodicCleanings = Immutables.list(periodicCleanings);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SolderPastePrintingRecipe(
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
      @Nullable List<Stroke> strokes,
      @Nullable Double printGap,
      @Nullable Separation separation,
      @Nullable List<PeriodicCleaning> periodicCleanings) {
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
        strokes,
        printGap,
        separation,
        periodicCleanings,
        Map.of());
  }
}
