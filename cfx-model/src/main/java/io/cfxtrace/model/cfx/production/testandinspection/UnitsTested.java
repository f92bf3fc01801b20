package io.cfxtrace.model.cfx.production.testandinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.SamplingInformation;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.TestAndInspection.UnitsTested}: test results per unit: tests,
 * measurements, symptoms and defects.
 */
public record UnitsTested(
    @Nullable String transactionId,
    @Nullable EnumValue<TestMethod> testMethod,
    @Nullable Operator tester,
    @Nullable String recipeName,
    @Nullable String recipeRevision,
    @Nullable SamplingInformation samplingInformation,
    @Nullable List<TestedUnit> testedUnits,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.TestAndInspection.UnitsTested";

  /** copies the collections, so that the record is immutable. */
  public UnitsTested {
    testedUnits = Immutables.list(testedUnits);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsTested(
      @Nullable String transactionId,
      @Nullable EnumValue<TestMethod> testMethod,
      @Nullable Operator tester,
      @Nullable String recipeName,
      @Nullable String recipeRevision,
      @Nullable SamplingInformation samplingInformation,
      @Nullable List<TestedUnit> testedUnits) {
    this(
        transactionId,
        testMethod,
        tester,
        recipeName,
        recipeRevision,
        samplingInformation,
        testedUnits,
        Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
