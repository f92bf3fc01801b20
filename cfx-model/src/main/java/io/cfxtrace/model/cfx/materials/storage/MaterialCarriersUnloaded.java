package io.cfxtrace.model.cfx.materials.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Storage.MaterialCarriersUnloaded}: material carriers such as
 * feeders were removed from the station.
 */
public record MaterialCarriersUnloaded(
    @Nullable List<String> carrierIdentifiers,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Storage.MaterialCarriersUnloaded";

  /** copies the collections, so that the record is immutable. */
  public MaterialCarriersUnloaded {
    carrierIdentifiers = Immutables.list(carrierIdentifiers);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialCarriersUnloaded(
      @Nullable List<String> carrierIdentifiers) {
    this(carrierIdentifiers, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
