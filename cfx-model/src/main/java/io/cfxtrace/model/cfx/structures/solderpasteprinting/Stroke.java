package io.cfxtrace.model.cfx.structures.solderpasteprinting;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPastePrinting.Stroke}: its members are print pressure
 * and print speed. Since CFX 1.2.
 */
public record Stroke(
    @Nullable Double printPressure,
    @Nullable Double printSpeed,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Stroke {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Stroke(
      @Nullable Double printPressure,
      @Nullable Double printSpeed) {
    this(printPressure, printSpeed, Map.of());
  }
}
