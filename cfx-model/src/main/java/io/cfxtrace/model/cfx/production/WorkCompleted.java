package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.PerformanceImpact;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.WorkResult;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.WorkCompleted}: the work cycle of a transaction ended, with its
 * result.
 */
public record WorkCompleted(
    @WireName("TransactionID") @Nullable String transactionId,
    @Nullable EnumValue<WorkResult> result,
    @Nullable String primaryIdentifier,
    @Nullable String hermesIdentifier,
    @Nullable Integer unitCount,
    @Nullable List<UnitPosition> units,
    @Nullable List<PerformanceImpact> performanceImpacts,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.WorkCompleted";

  /** copies the collections, so that the record is immutable. */
  public WorkCompleted {
    units = Immutables.list(units);
    performanceImpacts = Immutables.list(performanceImpacts);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WorkCompleted(
      @Nullable String transactionId,
      @Nullable EnumValue<WorkResult> result,
      @Nullable String primaryIdentifier,
      @Nullable String hermesIdentifier,
      @Nullable Integer unitCount,
      @Nullable List<UnitPosition> units,
      @Nullable List<PerformanceImpact> performanceImpacts) {
    this(
        transactionId,
        result,
        primaryIdentifier,
        hermesIdentifier,
        unitCount,
        units,
        performanceImpacts,
        Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
