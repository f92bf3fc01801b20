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
 * CFX message {@code CFX.Production.WorkStageResumed}: the paused work of a transaction went on in
 * one stage of the station.
 */
public record WorkStageResumed(
    @WireName("TransactionID") @Nullable String transactionId,
    @LegacyText @Nullable Stage stage,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.WorkStageResumed";

  /** copies the collections, so that the record is immutable. */
  public WorkStageResumed {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WorkStageResumed(
      @Nullable String transactionId,
      @Nullable Stage stage) {
    this(transactionId, stage, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
