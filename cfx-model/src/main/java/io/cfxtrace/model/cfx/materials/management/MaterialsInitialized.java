package io.cfxtrace.model.cfx.materials.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialPackageDetail;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Management.MaterialsInitialized}: new material packages were
 * registered.
 */
public record MaterialsInitialized(
    @Nullable List<MaterialPackageDetail> materials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Management.MaterialsInitialized";

  /** copies the collections, so that the record is immutable. */
  public MaterialsInitialized {
    materials = Immutables.list(materials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsInitialized(
      @Nullable List<MaterialPackageDetail> materials) {
    this(materials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
