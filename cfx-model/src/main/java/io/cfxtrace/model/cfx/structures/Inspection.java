package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Inspection}: its members are unique identifier, inspection
 * name, inspection start time and 11 more.
 */
public record Inspection(
    @Nullable String uniqueIdentifier,
    @Nullable String inspectionName,
    @Nullable CfxTimestamp inspectionStartTime,
    @Nullable CfxTimestamp inspectionEndTime,
    @Nullable String testProcedure,
    @Nullable String comments,
    @Nullable EnumValue<TestResult> result,
    @Nullable EnumValue<VerificationResult> verification,
    @Nullable String verificationDetail,
    @Nullable String error,
    @Nullable List<Defect> defectsFound,
    @Nullable List<Symptom> symptoms,
    @Nullable List<Measurement> measurements,
    @Nullable Integer refNo,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Inspection {
    defectsFound = Immutables.list(defectsFound);
    symptoms = Immutables.list(symptoms);
    measurements = Immutables.list(measurements);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Inspection(
      @Nullable String uniqueIdentifier,
      @Nullable String inspectionName,
      @Nullable CfxTimestamp inspectionStartTime,
      @Nullable CfxTimestamp inspectionEndTime,
      @Nullable String testProcedure,
      @Nullable String comments,
      @Nullable EnumValue<TestResult> result,
      @Nullable EnumValue<VerificationResult> verification,
      @Nullable String verificationDetail,
      @Nullable String error,
      @Nullable List<Defect> defectsFound,
      @Nullable List<Symptom> symptoms,
      @Nullable List<Measurement> measurements,
      @Nullable Integer refNo) {
    this(
        uniqueIdentifier,
        inspectionName,
        inspectionStartTime,
        inspectionEndTime,
        testProcedure,
        comments,
        result,
        verification,
        verificationDetail,
        error,
        defectsFound,
        symptoms,
        measurements,
        refNo,
        Map.of());
  }
}
