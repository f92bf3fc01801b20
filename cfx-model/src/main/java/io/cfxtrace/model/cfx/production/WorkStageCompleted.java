package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.PerformanceImpact;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.WorkResult;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.WorkStageCompleted}: the work of a transaction ended in one
 * stage of the station, with its result.
 */
public record WorkStageCompleted(
    @WireName("TransactionID") @Nullable String transactionId,
    @LegacyText @Nullable Stage stage,
    @Nullable EnumValue<WorkResult> result,
    @Nullable List<PerformanceImpact> performanceImpacts,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.WorkStageCompleted";

  /** copies the collections, so that the record is immutable. */
  public WorkStageCompleted {
    performanceImpacts = Immutables.list(performanceImpacts);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WorkStageCompleted(
      @Nullable String transactionId,
      @Nullable Stage stage,
      @Nullable EnumValue<WorkResult> result,
      @Nullable List<PerformanceImpact> performanceImpacts) {
    this(transactionId, stage, result, performanceImpacts, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
