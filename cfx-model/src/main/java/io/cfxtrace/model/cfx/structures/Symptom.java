package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Symptom}: its members are unique identifier, symptom code,
 * symptom category and 7 more.
 */
public record Symptom(
    @Nullable String uniqueIdentifier,
    @Nullable String symptomCode,
    @Nullable String symptomCategory,
    @Nullable String description,
    @Nullable String comments,
    @Nullable EnumValue<IssueStatus> status,
    @Nullable List<ComponentDesignator> componentsOfInterest,
    @Nullable Region regionOfInterest,
    @Nullable Integer priority,
    @Nullable List<Measurement> relatedMeasurements,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Symptom {
    componentsOfInterest = Immutables.list(componentsOfInterest);
    relatedMeasurements = Immutables.list(relatedMeasurements);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Symptom(
      @Nullable String uniqueIdentifier,
      @Nullable String symptomCode,
      @Nullable String symptomCategory,
      @Nullable String description,
      @Nullable String comments,
      @Nullable EnumValue<IssueStatus> status,
      @Nullable List<ComponentDesignator> componentsOfInterest,
      @Nullable Region regionOfInterest,
      @Nullable Integer priority,
      @Nullable List<Measurement> relatedMeasurements) {
    this(
        uniqueIdentifier,
        symptomCode,
        symptomCategory,
        description,
        comments,
        status,
        componentsOfInterest,
        regionOfInterest,
        priority,
        relatedMeasurements,
        Map.of());
  }
}
