package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPasteSqueegeeDirection;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.InspectedPanel}: its members are unit identifier, overall
 * result, inspections and 6 more. Since CFX 1.6.
 */
public record InspectedPanel(
    @Nullable String unitIdentifier,
    @Nullable EnumValue<TestResult> overallResult,
    @Nullable List<Inspection> inspections,
    @Nullable EnumValue<VerificationResult> verification,
    @Nullable Integer totalInspectionCount,
    @Nullable Double stretch,
    @Nullable EnumValue<SolderPasteSqueegeeDirection> recognizedStrokeDirection,
    @Nullable List<FiducialInfo> fiducials,
    @WireName("PCBVariant") @Nullable String pcbVariant,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public InspectedPanel {
    inspections = Immutables.list(inspections);
    fiducials = Immutables.list(fiducials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public InspectedPanel(
      @Nullable String unitIdentifier,
      @Nullable EnumValue<TestResult> overallResult,
      @Nullable List<Inspection> inspections,
      @Nullable EnumValue<VerificationResult> verification,
      @Nullable Integer totalInspectionCount,
      @Nullable Double stretch,
      @Nullable EnumValue<SolderPasteSqueegeeDirection> recognizedStrokeDirection,
      @Nullable List<FiducialInfo> fiducials,
      @Nullable String pcbVariant) {
    this(
        unitIdentifier,
        overallResult,
        inspections,
        verification,
        totalInspectionCount,
        stretch,
        recognizedStrokeDirection,
        fiducials,
        pcbVariant,
        Map.of());
  }
}
