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
 * CFX structure {@code CFX.Structures.Repair}: its members are unique identifier, repair name,
 * repair start time and 10 more. Since CFX 1.4.
 */
public record Repair(
    @Nullable String uniqueIdentifier,
    @Nullable String repairName,
    @Nullable CfxTimestamp repairStartTime,
    @Nullable CfxTimestamp repairEndTime,
    @Nullable String comments,
    @Nullable ComponentDesignator componentOfInterest,
    @Nullable Region regionOfInterest,
    @Nullable List<String> relatedDefectIdentifiers,
    @Nullable List<Defect> reclassifiedDefects,
    @Nullable List<String> relatedSymptomIdentifiers,
    @Nullable List<Symptom> reclassifiedSymptoms,
    @Nullable EnumValue<RepairResult> result,
    @Nullable String error,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Repair {
    relatedDefectIdentifiers = Immutables.list(relatedDefectIdentifiers);
    reclassifiedDefects = Immutables.list(reclassifiedDefects);
    relatedSymptomIdentifiers = Immutables.list(relatedSymptomIdentifiers);
    reclassifiedSymptoms = Immutables.list(reclassifiedSymptoms);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Repair(
      @Nullable String uniqueIdentifier,
      @Nullable String repairName,
      @Nullable CfxTimestamp repairStartTime,
      @Nullable CfxTimestamp repairEndTime,
      @Nullable String comments,
      @Nullable ComponentDesignator componentOfInterest,
      @Nullable Region regionOfInterest,
      @Nullable List<String> relatedDefectIdentifiers,
      @Nullable List<Defect> reclassifiedDefects,
      @Nullable List<String> relatedSymptomIdentifiers,
      @Nullable List<Symptom> reclassifiedSymptoms,
      @Nullable EnumValue<RepairResult> result,
      @Nullable String error) {
    this(
        uniqueIdentifier,
        repairName,
        repairStartTime,
        repairEndTime,
        comments,
        componentOfInterest,
        regionOfInterest,
        relatedDefectIdentifiers,
        reclassifiedDefects,
        relatedSymptomIdentifiers,
        reclassifiedSymptoms,
        result,
        error,
        Map.of());
  }
}
