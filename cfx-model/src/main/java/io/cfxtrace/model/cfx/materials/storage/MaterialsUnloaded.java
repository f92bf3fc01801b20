package io.cfxtrace.model.cfx.materials.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Storage.MaterialsUnloaded}: material packages were removed from
 * the station.
 */
public record MaterialsUnloaded(
    @Nullable List<String> materialPackageIdentifiers,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Storage.MaterialsUnloaded";

  /** copies the collections, so that the record is immutable. */
  public MaterialsUnloaded {
    materialPackageIdentifiers = Immutables.list(materialPackageIdentifiers);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsUnloaded(
      @Nullable List<String> materialPackageIdentifiers) {
    this(materialPackageIdentifiers, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
