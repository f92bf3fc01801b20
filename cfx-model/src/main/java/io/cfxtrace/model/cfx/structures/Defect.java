package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Defect}: its members are unique identifier, defect code,
 * defect category and 11 more.
 */
public record Defect(
    @Nullable String uniqueIdentifier,
    @Nullable String defectCode,
    @Nullable String defectCategory,
    @Nullable String description,
    @Nullable String comments,
    @Nullable ComponentDesignator componentOfInterest,
    @Nullable Region regionOfInterest,
    @Nullable List<Image> defectImages,
    @Nullable Integer priority,
    @Nullable Double confidenceLevel,
    @Nullable List<Measurement> relatedMeasurements,
    @Nullable List<Symptom> relatedSymptoms,
    @Nullable EnumValue<VerificationResult> verification,
    @Nullable String verificationDetail,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Defect {
    defectImages = Immutables.list(defectImages);
    relatedMeasurements = Immutables.list(relatedMeasurements);
    relatedSymptoms = Immutables.list(relatedSymptoms);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Defect(
      @Nullable String uniqueIdentifier,
      @Nullable String defectCode,
      @Nullable String defectCategory,
      @Nullable String description,
      @Nullable String comments,
      @Nullable ComponentDesignator componentOfInterest,
      @Nullable Region regionOfInterest,
      @Nullable List<Image> defectImages,
      @Nullable Integer priority,
      @Nullable Double confidenceLevel,
      @Nullable List<Measurement> relatedMeasurements,
      @Nullable List<Symptom> relatedSymptoms,
      @Nullable EnumValue<VerificationResult> verification,
      @Nullable String verificationDetail) {
    this(
        uniqueIdentifier,
        defectCode,
        defectCategory,
        description,
        comments,
        componentOfInterest,
        regionOfInterest,
        defectImages,
        priority,
        confidenceLevel,
        relatedMeasurements,
        relatedSymptoms,
        verification,
        verificationDetail,
        Map.of());
  }
}
