package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.NumericValue}: its members are value, value units, expected
 * value and 5 more.
 */
public record NumericValue(
    @Nullable Double value,
    @Nullable String valueUnits,
    @Nullable Double expectedValue,
    @Nullable String expectedValueUnits,
    @Nullable Double minimumAcceptableValue,
    @Nullable String minimumAcceptableValueUnits,
    @Nullable Double maximumAcceptableValue,
    @Nullable String maximumAcceptableValueUnits,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public NumericValue {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public NumericValue(
      @Nullable Double value,
      @Nullable String valueUnits,
      @Nullable Double expectedValue,
      @Nullable String expectedValueUnits,
      @Nullable Double minimumAcceptableValue,
      @Nullable String minimumAcceptableValueUnits,
      @Nullable Double maximumAcceptableValue,
      @Nullable String maximumAcceptableValueUnits) {
    this(
        value,
        valueUnits,
        expectedValue,
        expectedValueUnits,
        minimumAcceptableValue,
        minimumAcceptableValueUnits,
        maximumAcceptableValue,
        maximumAcceptableValueUnits,
        Map.of());
  }
}
