package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.InspectedUnit}: its members are unit identifier, unit
 * position number, overall result and 3 more.
 */
public record InspectedUnit(
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable EnumValue<TestResult> overallResult,
    @Nullable List<Inspection> inspections,
    @Nullable EnumValue<VerificationResult> verification,
    @Nullable Integer totalInspectionCount,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public InspectedUnit {
    inspections = Immutables.list(inspections);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public InspectedUnit(
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable EnumValue<TestResult> overallResult,
      @Nullable List<Inspection> inspections,
      @Nullable EnumValue<VerificationResult> verification,
      @Nullable Integer totalInspectionCount) {
    this(
        unitIdentifier,
        unitPositionNumber,
        overallResult,
        inspections,
        verification,
        totalInspectionCount,
        Map.of());
  }
}
