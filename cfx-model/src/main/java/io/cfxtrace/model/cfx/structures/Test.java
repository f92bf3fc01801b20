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
 * CFX structure {@code CFX.Structures.Test}: its members are unique identifier, test name, test
 * start time and 9 more.
 */
public record Test(
    @Nullable String uniqueIdentifier,
    @Nullable String testName,
    @Nullable CfxTimestamp testStartTime,
    @Nullable CfxTimestamp testEndTime,
    @Nullable List<EnvironmentalCondition> testConditions,
    @Nullable String testProcedure,
    @Nullable String comments,
    @Nullable EnumValue<TestResult> result,
    @Nullable String error,
    @Nullable List<Symptom> symptomsFound,
    @Nullable List<Defect> defectsFound,
    @Nullable List<Measurement> measurements,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Test {
    testConditions = Immutables.list(testConditions);
    symptomsFound = Immutables.list(symptomsFound);
    defectsFound = Immutables.list(defectsFound);
    measurements = Immutables.list(measurements);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Test(
      @Nullable String uniqueIdentifier,
      @Nullable String testName,
      @Nullable CfxTimestamp testStartTime,
      @Nullable CfxTimestamp testEndTime,
      @Nullable List<EnvironmentalCondition> testConditions,
      @Nullable String testProcedure,
      @Nullable String comments,
      @Nullable EnumValue<TestResult> result,
      @Nullable String error,
      @Nullable List<Symptom> symptomsFound,
      @Nullable List<Defect> defectsFound,
      @Nullable List<Measurement> measurements) {
    this(
        uniqueIdentifier,
        testName,
        testStartTime,
        testEndTime,
        testConditions,
        testProcedure,
        comments,
        result,
        error,
        symptomsFound,
        defectsFound,
        measurements,
        Map.of());
  }
}
