package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.Stage;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.WorkStageStarted}: the work of a transaction started in one
 * stage of the station.
 */
public record WorkStageStarted(
    @WireName("TransactionID") @Nullable String transactionId,
    @LegacyText @Nullable Stage stage,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.WorkStageStarted";

  /** copies the collections, so that the record is immutable. */
  public WorkStageStarted {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WorkStageStarted(
      @Nullable String transactionId,
      @Nullable Stage stage) {
    this(transactionId, stage, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
