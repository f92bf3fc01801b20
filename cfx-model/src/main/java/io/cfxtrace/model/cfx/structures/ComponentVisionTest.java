package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ComponentVisionTest}: its members are information id,
 * expected value, measured value and 4 more.
 */
public record ComponentVisionTest(
    @Nullable String informationId,
    @Nullable Double expectedValue,
    @Nullable Double measuredValue,
    @Nullable Double toleranceMin,
    @Nullable Double toleranceMax,
    @Nullable String unit,
    @Nullable Boolean result,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ComponentVisionTest {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ComponentVisionTest(
      @Nullable String informationId,
      @Nullable Double expectedValue,
      @Nullable Double measuredValue,
      @Nullable Double toleranceMin,
      @Nullable Double toleranceMax,
      @Nullable String unit,
      @Nullable Boolean result) {
    this(
        informationId,
        expectedValue,
        measuredValue,
        toleranceMin,
        toleranceMax,
        unit,
        result,
        Map.of());
  }
}
