package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ActiveRecipe}: its members are lane, stage, recipe identifier
 * and recipe. Since CFX 1.7.
 */
public record ActiveRecipe(
    @Nullable Integer lane,
    @Nullable Stage stage,
    @Nullable RecipeIdentifier recipeIdentifier,
    @Nullable Recipe recipe,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ActiveRecipe {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ActiveRecipe(
      @Nullable Integer lane,
      @Nullable Stage stage,
      @Nullable RecipeIdentifier recipeIdentifier,
      @Nullable Recipe recipe) {
    this(lane, stage, recipeIdentifier, recipe, Map.of());
  }
}
