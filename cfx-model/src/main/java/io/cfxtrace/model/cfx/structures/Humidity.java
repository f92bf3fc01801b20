package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Humidity}: its members are start time, end time, mean value
 * and 3 more. Derives from {@code CFX.Structures.EnvironmentalCondition}, whose members come first.
 */
public record Humidity(
    @Nullable CfxTimestamp startTime,
    @Nullable CfxTimestamp endTime,
    @Nullable Double meanValue,
    @Nullable Double medianValue,
    @Nullable Double maxValue,
    @Nullable Double minValue,
    Map<String, JsonNode> extensions)
    implements CfxRecord, EnvironmentalCondition {

  /** copies the collections, so that the record is immutable. */
  public Humidity {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Humidity(
      @Nullable CfxTimestamp startTime,
      @Nullable CfxTimestamp endTime,
      @Nullable Double meanValue,
      @Nullable Double medianValue,
      @Nullable Double maxValue,
      @Nullable Double minValue) {
    this(startTime, endTime, meanValue, medianValue, maxValue, minValue, Map.of());
  }
}
