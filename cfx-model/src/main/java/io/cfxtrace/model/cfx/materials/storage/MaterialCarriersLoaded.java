package io.cfxtrace.model.cfx.materials.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialCarrierLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Storage.MaterialCarriersLoaded}: material carriers such as
 * feeders were loaded onto the station.
 */
public record MaterialCarriersLoaded(
    @Nullable List<MaterialCarrierLocation> carriers,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Storage.MaterialCarriersLoaded";

  /** copies the collections, so that the record is immutable. */
  public MaterialCarriersLoaded {
    carriers = Immutables.list(carriers);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialCarriersLoaded(
      @Nullable List<MaterialCarrierLocation> carriers) {
    this(carriers, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
