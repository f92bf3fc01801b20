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
 * CFX structure {@code CFX.Structures.SolderPasteInspection.SolderPasteMeasurement}: its members
 * are unique identifier, measurement name, time recorded and 20 more. Derives from {@code
 * CFX.Structures.Measurement}, whose members come first.
 */
public record SolderPasteMeasurement(
    @Nullable String uniqueIdentifier,
    @Nullable String measurementName,
    @Nullable CfxTimestamp timeRecorded,
    @Nullable Integer sequence,
    @Nullable EnumValue<TestResult> result,
    @WireName("CRDs") @Nullable String crds,
    @Nullable Double x,
    @WireName("EX") @Nullable Double ex,
    @Nullable Double y,
    @WireName("EY") @Nullable Double ey,
    @Nullable Double z,
    @WireName("EZ") @Nullable Double ez,
    @WireName("DX") @Nullable Double dx,
    @WireName("DY") @Nullable Double dy,
    @Nullable Double vol,
    @Nullable Double eVol,
    @Nullable Image image,
    @Nullable Double a,
    @WireName("EA") @Nullable Double ea,
    @WireName("PX") @Nullable Double px,
    @WireName("PY") @Nullable Double py,
    @WireName("RXY") @Nullable Double rxy,
    @WireName("AR") @Nullable Double ar,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Measurement {

  /** copies the collections, so that the record is immutable. */
  public SolderPasteMeasurement {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SolderPasteMeasurement(
      @Nullable String uniqueIdentifier,
      @Nullable String measurementName,
      @Nullable CfxTimestamp timeRecorded,
      @Nullable Integer sequence,
      @Nullable EnumValue<TestResult> result,
      @Nullable String crds,
      @Nullable Double x,
      @Nullable Double ex,
      @Nullable Double y,
      @Nullable Double ey,
      @Nullable Double z,
      @Nullable Double ez,
      @Nullable Double dx,
      @Nullable Double dy,
      @Nullable Double vol,
      @Nullable Double eVol,
      @Nullable Image image,
      @Nullable Double a,
      @Nullable Double ea,
      @Nullable Double px,
      @Nullable Double py,
      @Nullable Double rxy,
      @Nullable Double ar) {
    this(
        uniqueIdentifier,
        measurementName,
        timeRecorded,
        sequence,
        result,
        crds,
        x,
        ex,
        y,
        ey,
        z,
        ez,
        dx,
        dy,
        vol,
        eVol,
        image,
        a,
        ea,
        px,
        py,
        rxy,
        ar,
        Map.of());
  }
}
