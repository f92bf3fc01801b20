package io.cfxtrace.model.cfx.production.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.Application.MaterialsApplied}: materials such as paste, glue or
 * coating were applied to units.
 */
public record MaterialsApplied(
    @Nullable String transactionId,
    @Nullable List<InstalledMaterial> appliedMaterials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.Application.MaterialsApplied";

  /** copies the collections, so that the record is immutable. */
  public MaterialsApplied {
    appliedMaterials = Immutables.list(appliedMaterials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsApplied(
      @Nullable String transactionId,
      @Nullable List<InstalledMaterial> appliedMaterials) {
    this(transactionId, appliedMaterials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
