package io.cfxtrace.model.cfx.informationsystem.operatorvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Operator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.InformationSystem.OperatorValidation.ValidateOperatorRequest}: asks whether an operator may take
 * responsibility for the sending endpoint (one operator per request). Since CFX 1.7.
 */
public record ValidateOperatorRequest(
    @Nullable Operator operator,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.InformationSystem.OperatorValidation.ValidateOperatorRequest";

  /** copies the collections, so that the record is immutable. */
  public ValidateOperatorRequest {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ValidateOperatorRequest(
      @Nullable Operator operator) {
    this(operator, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
