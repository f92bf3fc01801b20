package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.WorkStagePauseReason;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.WorkStagePaused}: the work of a transaction was paused in one
 * stage of the station.
 */
public record WorkStagePaused(
    @WireName("TransactionID") @Nullable String transactionId,
    @LegacyText @Nullable Stage stage,
    @Nullable EnumValue<WorkStagePauseReason> pauseReason,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.WorkStagePaused";

  /** copies the collections, so that the record is immutable. */
  public WorkStagePaused {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WorkStagePaused(
      @Nullable String transactionId,
      @Nullable Stage stage,
      @Nullable EnumValue<WorkStagePauseReason> pauseReason) {
    this(transactionId, stage, pauseReason, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
