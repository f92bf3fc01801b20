package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.RequestResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.NotSupportedResponse}: the reply of an endpoint that does not handle the
 * request it was sent.
 */
public record NotSupportedResponse(
    @Nullable RequestResult requestResult,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.NotSupportedResponse";

  /** copies the collections, so that the record is immutable. */
  public NotSupportedResponse {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public NotSupportedResponse(
      @Nullable RequestResult requestResult) {
    this(requestResult, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
