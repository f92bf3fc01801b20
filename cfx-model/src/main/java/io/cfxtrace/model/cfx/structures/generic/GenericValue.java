package io.cfxtrace.model.cfx.structures.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.NumericValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Generic.GenericValue}: its members are name and value. Since
 * CFX 2.1.
 */
public record GenericValue(
    @Nullable String name,
    @Nullable NumericValue value,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public GenericValue {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public GenericValue(
      @Nullable String name,
      @Nullable NumericValue value) {
    this(name, value, Map.of());
  }
}
