package io.cfxtrace.model.cfx.materials.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialModifyReason;
import io.cfxtrace.model.cfx.structures.MaterialPackageDetail;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Management.MaterialsModified}: attributes of material packages
 * were changed.
 */
public record MaterialsModified(
    @Nullable EnumValue<MaterialModifyReason> reason,
    @Nullable List<MaterialPackageDetail> materials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Management.MaterialsModified";

  /** copies the collections, so that the record is immutable. */
  public MaterialsModified {
    materials = Immutables.list(materials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsModified(
      @Nullable EnumValue<MaterialModifyReason> reason,
      @Nullable List<MaterialPackageDetail> materials) {
    this(reason, materials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
