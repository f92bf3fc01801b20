package io.cfxtrace.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * a message body carried as JSON members, losslessly: any CFX 2.1 message without a typed record,
 * or a message name nobody knows (a newer CFX version, a vendor's own message).
 *
 * <p>Treat the member values as read-only; they are the decoder's own tree nodes.
 *
 * @param messageName the envelope's MessageName.
 * @param extensions every member of the body except a {@code $type} that merely repeats the
 *     message name, in wire order.
 */
public record GenericMessage(String messageName, Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** checks the name and copies the members. */
  public GenericMessage {
    Objects.requireNonNull(messageName, "messageName");
    extensions = Immutables.extensions(extensions);
  }
}
