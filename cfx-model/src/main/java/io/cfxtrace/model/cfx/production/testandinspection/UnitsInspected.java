package io.cfxtrace.model.cfx.production.testandinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.InspectedPanel;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.InspectionMethod;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.SamplingInformation;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.TestAndInspection.UnitsInspected}: inspection results per unit:
 * inspections, defects, measurements, verification.
 */
public record UnitsInspected(
    @Nullable String transactionId,
    @Nullable EnumValue<InspectionMethod> inspectionMethod,
    @Nullable SamplingInformation samplingInformation,
    @Nullable Operator inspector,
    @Nullable String recipeName,
    @Nullable String recipeRevision,
    @Nullable List<InspectedUnit> inspectedUnits,
    @Nullable InspectedPanel inspectedPanel,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.TestAndInspection.UnitsInspected";

  /** copies the collections, so that the record is immutable. */
  public UnitsInspected {
    inspectedUnits = Immutables.list(inspectedUnits);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsInspected(
      @Nullable String transactionId,
      @Nullable EnumValue<InspectionMethod> inspectionMethod,
      @Nullable SamplingInformation samplingInformation,
      @Nullable Operator inspector,
      @Nullable String recipeName,
      @Nullable String recipeRevision,
      @Nullable List<InspectedUnit> inspectedUnits,
      @Nullable InspectedPanel inspectedPanel) {
    this(
        transactionId,
        inspectionMethod,
        samplingInformation,
        inspector,
        recipeName,
        recipeRevision,
        inspectedUnits,
        inspectedPanel,
        Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
