package io.cfxtrace.model.cfx.structures.solderpasteinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.Segment;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPasteInspection.InspectionMeasurementExpected}: its
 * members are unique identifier, measurement name, time recorded and 13 more. Derives from {@code
 * CFX.Structures.Measurement}, whose members come first. Since CFX 1.3.
 */
public record InspectionMeasurementExpected(
    @Nullable String uniqueIdentifier,
    @Nullable String measurementName,
    @Nullable CfxTimestamp timeRecorded,
    @Nullable Integer sequence,
    @Nullable EnumValue<TestResult> result,
    @WireName("CRDs") @Nullable String crds,
    @WireName("EX") @Nullable Double ex,
    @WireName("EY") @Nullable Double ey,
    @WireName("EZ") @Nullable Double ez,
    @WireName("PX") @Nullable Double px,
    @WireName("PY") @Nullable Double py,
    @WireName("EA") @Nullable Double ea,
    @Nullable Double eVol,
    @WireName("AR") @Nullable Double ar,
    @WireName("RXY") @Nullable Double rxy,
    @Nullable List<Segment> vertices,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Measurement {

  /** copies the collections, so that the record is immutable. */
  public InspectionMeasurementExpected {
    vertices = Immutables.list(vertices);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public InspectionMeasurementExpected(
      @Nullable String uniqueIdentifier,
      @Nullable String measurementName,
      @Nullable CfxTimestamp timeRecorded,
      @Nullable Integer sequence,
      @Nullable EnumValue<TestResult> result,
      @Nullable String crds,
      @Nullable Double ex,
      @Nullable Double ey,
      @Nullable Double ez,
      @Nullable Double px,
      @Nullable Double py,
      @Nullable Double ea,
      @Nullable Double eVol,
      @Nullable Double ar,
      @Nullable Double rxy,
      @Nullable List<Segment> vertices) {
    this(
        uniqueIdentifier,
        measurementName,
        timeRecorded,
        sequence,
        result,
        crds,
        ex,
        ey,
        ez,
        px,
        py,
        ea,
        eVol,
        ar,
        rxy,
        vertices,
        Map.of());
  }
}
