package io.cfxtrace.model.cfx.structures.solderpasteprinting;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPastePrinting.PeriodicCleaning}: its members are clean
 * frequency and clean mode. Since CFX 1.2.
 */
public record PeriodicCleaning(
    @Nullable Integer cleanFrequency,
    @Nullable String cleanMode,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public PeriodicCleaning {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public PeriodicCleaning(
      @Nullable Integer cleanFrequency,
      @Nullable String cleanMode) {
    this(cleanFrequency, cleanMode, Map.of());
  }
}
