package io.cfxtrace.model.cfx.informationsystem.operatorvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.RequestResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.InformationSystem.OperatorValidation.ValidateOperatorResponse}: the answer to a
 * ValidateOperatorRequest. Since CFX 1.7.
 */
public record ValidateOperatorResponse(
    @Nullable RequestResult result,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.InformationSystem.OperatorValidation.ValidateOperatorResponse";

  /** copies the collections, so that the record is immutable. */
  public ValidateOperatorResponse {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ValidateOperatorResponse(
      @Nullable RequestResult result) {
    this(result, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
