package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.BadElectricalTestRejectionDetails}: its members are tester
 * vendor, tester model number, tester serial number and 10 more. Derives from {@code
 * CFX.Structures.ComponentElectricalTest}, whose members come first.
 */
public record BadElectricalTestRejectionDetails(
    @Nullable String testerVendor,
    @Nullable String testerModelNumber,
    @Nullable String testerSerialNumber,
    @Nullable String testerFirmwareVersion,
    @Nullable Double frequency,
    @Nullable Double expectedValue,
    @Nullable Double measuredValue,
    @Nullable Double toleranceMin,
    @Nullable Double toleranceMax,
    @Nullable EnumValue<ComponentElectricalTestUnit> unit,
    @Nullable Boolean result,
    @Nullable EnumValue<ComponentValidityDecisionSource> decisionSource,
    @Nullable String errorCode,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ComponentElectricalTest, RejectionDetails {

  /** copies the collections, so that the record is immutable. */
  public BadElectricalTestRejectionDetails {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BadElectricalTestRejectionDetails(
      @Nullable String testerVendor,
      @Nullable String testerModelNumber,
      @Nullable String testerSerialNumber,
      @Nullable String testerFirmwareVersion,
      @Nullable Double frequency,
      @Nullable Double expectedValue,
      @Nullable Double measuredValue,
      @Nullable Double toleranceMin,
      @Nullable Double toleranceMax,
      @Nullable EnumValue<ComponentElectricalTestUnit> unit,
      @Nullable Boolean result,
      @Nullable EnumValue<ComponentValidityDecisionSource> decisionSource,
      @Nullable String errorCode) {
    this(
        testerVendor,
        testerModelNumber,
        testerSerialNumber,
        testerFirmwareVersion,
        frequency,
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
