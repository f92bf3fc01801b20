package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ComponentElectricalTest}: its members are tester vendor,
 * tester model number, tester serial number and 8 more. This is the base class itself, decoded when
 * no {@code $type} names a subclass.
 */
public record BasicComponentElectricalTest(
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
    Map<String, JsonNode> extensions)
    implements CfxRecord, ComponentElectricalTest {

  /** copies the collections, so that the record is immutable. */
  public BasicComponentElectricalTest {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicComponentElectricalTest(
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
      @Nullable Boolean result) {
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
        Map.of());
  }
}
