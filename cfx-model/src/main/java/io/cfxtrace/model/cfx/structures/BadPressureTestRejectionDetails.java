package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.BadPressureTestRejectionDetails}: its members are expected
 * value, measured value, tolerance min and 5 more. Derives from {@code
 * CFX.Structures.ComponentPressureTest}, whose members come first.
 */
public record BadPressureTestRejectionDetails(
    @Nullable Double expectedValue,
    @Nullable Double measuredValue,
    @Nullable Double toleranceMin,
    @Nullable Double toleranceMax,
    @Nullable String unit,
    @Nullable Boolean result,
    @Nullable EnumValue<ComponentValidityDecisionSource> decisionSource,
    @Nullable String errorCode,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ComponentPressureTest, RejectionDetails {

  /** copies the collections, so that the record is immutable. */
  public BadPressureTestRejectionDetails {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BadPressureTestRejectionDetails(
      @Nullable Double expectedValue,
      @Nullable Double measuredValue,
      @Nullable Double toleranceMin,
      @Nullable Double toleranceMax,
      @Nullable String unit,
      @Nullable Boolean result,
      @Nullable EnumValue<ComponentValidityDecisionSource> decisionSource,
      @Nullable String errorCode) {
    this(
        expectedValue,
        measuredValue,
        toleranceMin,
        toleranceMax,
        unit,
        result,
        decisionSource,
        errorCode,
        Map.of());
  }
}
