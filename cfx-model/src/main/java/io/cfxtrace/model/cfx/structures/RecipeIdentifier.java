package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.RecipeIdentifier}: its members are recipe name and revision.
 * Since CFX 1.4.
 */
public record RecipeIdentifier(
    @Nullable String recipeName,
    @Nullable String revision,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public RecipeIdentifier {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public RecipeIdentifier(
      @Nullable String recipeName,
      @Nullable String revision) {
    this(recipeName, revision, Map.of());
  }
}
