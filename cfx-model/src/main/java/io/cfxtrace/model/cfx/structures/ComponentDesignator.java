package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ComponentDesignator}: its members are reference designator,
 * unit position and part number.
 */
public record ComponentDesignator(
    @Nullable String referenceDesignator,
    @Nullable UnitPosition unitPosition,
    @Nullable String partNumber,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ComponentDesignator {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ComponentDesignator(
      @Nullable String referenceDesignator,
      @Nullable UnitPosition unitPosition,
      @Nullable String partNumber) {
    this(referenceDesignator, unitPosition, partNumber, Map.of());
  }
}
