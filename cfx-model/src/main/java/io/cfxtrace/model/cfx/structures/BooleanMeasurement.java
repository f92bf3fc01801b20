package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.BooleanMeasurement}: its members are unique identifier,
 * measurement name, time recorded and 5 more. Derives from {@code CFX.Structures.Measurement},
 * whose members come first.
 */
public record BooleanMeasurement(
    @Nullable String uniqueIdentifier,
    @Nullable String measurementName,
    @Nullable CfxTimestamp timeRecorded,
    @Nullable Integer sequence,
    @Nullable EnumValue<TestResult> result,
    @WireName("CRDs") @Nullable String crds,
    @Nullable Boolean value,
    @Nullable Boolean expectedValue,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Measurement {

  /** copies the collections, so that the record is immutable. */
  public BooleanMeasurement {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BooleanMeasurement(
      @Nullable String uniqueIdentifier,
      @Nullable String measurementName,
      @Nullable CfxTimestamp timeRecorded,
      @Nullable Integer sequence,
      @Nullable EnumValue<TestResult> result,
      @Nullable String crds,
      @Nullable Boolean value,
      @Nullable Boolean expectedValue) {
    this(
        uniqueIdentifier,
        measurementName,
        timeRecorded,
        sequence,
        result,
        crds,
        value,
        expectedValue,
        Map.of());
  }
}
