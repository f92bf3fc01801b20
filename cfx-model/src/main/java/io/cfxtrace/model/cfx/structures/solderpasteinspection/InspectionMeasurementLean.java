package io.cfxtrace.model.cfx.structures.solderpasteinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.Image;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPasteInspection.InspectionMeasurementLean}: its members
 * are unique identifier, measurement name, time recorded and 11 more. Derives from {@code
 * CFX.Structures.Measurement}, whose members come first. Since CFX 1.3.
 */
public record InspectionMeasurementLean(
    @Nullable String uniqueIdentifier,
    @Nullable String measurementName,
    @Nullable CfxTimestamp timeRecorded,
    @Nullable Integer sequence,
    @Nullable EnumValue<TestResult> result,
    @WireName("CRDs") @Nullable String crds,
    @Nullable Double x,
    @Nullable Double y,
    @Nullable Double z,
    @WireName("DX") @Nullable Double dx,
    @WireName("DY") @Nullable Double dy,
    @Nullable Double vol,
    @Nullable Double a,
    @Nullable Image image,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Measurement {

  /** copies the collections, so that the record is immutable. */
  public InspectionMeasurementLean {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public InspectionMeasurementLean(
      @Nullable String uniqueIdentifier,
      @Nullable String measurementName,
      @Nullable CfxTimestamp timeRecorded,
      @Nullable Integer sequence,
      @Nullable EnumValue<TestResult> result,
      @Nullable String crds,
      @Nullable Double x,
      @Nullable Double y,
      @Nullable Double z,
      @Nullable Double dx,
      @Nullable Double dy,
      @Nullable Double vol,
      @Nullable Double a,
      @Nullable Image image) {
    this(
        uniqueIdentifier,
        measurementName,
        timeRecorded,
        sequence,
        result,
        crds,
        x,
        y,
        z,
        dx,
        dy,
        vol,
        a,
        image,
        Map.of());
  }
}
