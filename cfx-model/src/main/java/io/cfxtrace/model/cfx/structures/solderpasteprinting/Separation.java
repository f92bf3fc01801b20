package io.cfxtrace.model.cfx.structures.solderpasteprinting;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPastePrinting.Separation}: its members are name,
 * separation speed, separation distance and separation delay. Since CFX 1.2.
 */
public record Separation(
    @Nullable String name,
    @Nullable Double separationSpeed,
    @Nullable Double separationDistance,
    @Nullable Double separationDelay,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Separation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Separation(
      @Nullable String name,
      @Nullable Double separationSpeed,
      @Nullable Double separationDistance,
      @Nullable Double separationDelay) {
    this(name, separationSpeed, separationDistance, separationDelay, Map.of());
  }
}
