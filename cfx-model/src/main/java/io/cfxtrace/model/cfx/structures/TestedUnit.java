package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.TestedUnit}: its members are unit identifier, unit position
 * number, overall result and tests.
 */
public record TestedUnit(
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable EnumValue<TestResult> overallResult,
    @Nullable List<Test> tests,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public TestedUnit {
    tests = Immutables.list(tests);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public TestedUnit(
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable EnumValue<TestResult> overallResult,
      @Nullable List<Test> tests) {
    this(unitIdentifier, unitPositionNumber, overallResult, tests, Map.of());
  }
}
