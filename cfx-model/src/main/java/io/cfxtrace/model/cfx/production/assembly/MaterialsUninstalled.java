package io.cfxtrace.model.cfx.production.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.UninstalledMaterial;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.Assembly.MaterialsUninstalled}: materials and components were
 * removed from units.
 */
public record MaterialsUninstalled(
    @Nullable String transactionId,
    @Nullable List<UninstalledMaterial> uninstalledMaterials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.Assembly.MaterialsUninstalled";

  /** copies the collections, so that the record is immutable. */
  public MaterialsUninstalled {
    uninstalledMaterials = Immutables.list(uninstalledMaterials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsUninstalled(
      @Nullable String transactionId,
      @Nullable List<UninstalledMaterial> uninstalledMaterials) {
    this(transactionId, uninstalledMaterials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
