package io.cfxtrace.model.cfx.production.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.Assembly.MaterialsInstalled}: materials and components were
 * installed on units, with where and at which designators.
 */
public record MaterialsInstalled(
    @Nullable String transactionId,
    @Nullable List<InstalledMaterial> installedMaterials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.Assembly.MaterialsInstalled";

  /** copies the collections, so that the record is immutable. */
  public MaterialsInstalled {
    installedMaterials = Immutables.list(installedMaterials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsInstalled(
      @Nullable String transactionId,
      @Nullable List<InstalledMaterial> installedMaterials) {
    this(transactionId, installedMaterials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
