package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Operator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.OperatorActivated}: an operator became active at the station.
 */
public record OperatorActivated(
    @Nullable Operator operator,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.OperatorActivated";

  /** copies the collections, so that the record is immutable. */
  public OperatorActivated {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public OperatorActivated(
      @Nullable Operator operator) {
    this(operator, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
