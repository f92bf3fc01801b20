package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Operator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.OperatorDeactivated}: an operator stopped being active at the
 * station.
 */
public record OperatorDeactivated(
    @Nullable Operator operator,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.OperatorDeactivated";

  /** copies the collections, so that the record is immutable. */
  public OperatorDeactivated {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public OperatorDeactivated(
      @Nullable Operator operator) {
    this(operator, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
