package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.OffsetMeasurement}: its members are unique
 * identifier, measurement name, time recorded and 9 more. Derives from {@code
 * CFX.Structures.Measurement}, whose members come first.
 */
public record OffsetMeasurement(
    @Nullable String uniqueIdentifier,
    @Nullable String measurementName,
    @Nullable CfxTimestamp timeRecorded,
    @Nullable Integer sequence,
    @Nullable EnumValue<TestResult> result,
    @WireName("CRDs") @Nullable String crds,
    @WireName("DX") @Nullable Double dx,
    @WireName("DY") @Nullable Double dy,
    @WireName("DZ") @Nullable Double dz,
    @WireName("RXY") @Nullable Double rxy,
    @WireName("RZX") @Nullable Double rzx,
    @WireName("RZY") @Nullable Double rzy,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Measurement {

  /** copies the collections, so that the record is immutable. */
  public OffsetMeasurement {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public OffsetMeasurement(
      @Nullable String uniqueIdentifier,
      @Nullable String measurementName,
      @Nullable CfxTimestamp timeRecorded,
      @Nullable Integer sequence,
      @Nullable EnumValue<TestResult> result,
      @Nullable String crds,
      @Nullable Double dx,
      @Nullable Double dy,
      @Nullable Double dz,
      @Nullable Double rxy,
      @Nullable Double rzx,
      @Nullable Double rzy) {
    this(
        uniqueIdentifier,
        measurementName,
        timeRecorded,
        sequence,
        result,
        crds,
        dx,
        dy,
        dz,
        rxy,
        rzx,
        rzy,
        Map.of());
  }
}
