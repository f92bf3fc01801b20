package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ComponentOpticalTest}: its members are expected value,
 * measured value, tolerance min and 3 more. This is the base class itself, decoded when no {@code
 * $type} names a subclass.
 */
public record BasicComponentOpticalTest(
    @Nullable Double expectedValue,
    @Nullable Double measuredValue,
    @Nullable Double toleranceMin,
    @Nullable Double toleranceMax,
    @Nullable String unit,
    @Nullable Boolean result,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ComponentOpticalTest {

  /** copies the collections, so that the record is immutable. */
  public BasicComponentOpticalTest {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicComponentOpticalTest(
      @Nullable Double expectedValue,
      @Nullable Double measuredValue,
      @Nullable Double toleranceMin,
      @Nullable Double toleranceMax,
      @Nullable String unit,
      @Nullable Boolean result) {
    this(expectedValue, measuredValue, toleranceMin, toleranceMax, unit, result, Map.of());
  }
}
