package io.cfxtrace.model.cfx.production.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.UninstalledMaterial;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.Application.MaterialsUnapplied}: applied materials were removed
 * from units.
 */
public record MaterialsUnapplied(
    @Nullable String transactionId,
    @Nullable List<UninstalledMaterial> unappliedMaterials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.Application.MaterialsUnapplied";

  /** copies the collections, so that the record is immutable. */
  public MaterialsUnapplied {
    unappliedMaterials = Immutables.list(unappliedMaterials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsUnapplied(
      @Nullable String transactionId,
      @Nullable List<UninstalledMaterial> unappliedMaterials) {
    this(transactionId, unappliedMaterials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
