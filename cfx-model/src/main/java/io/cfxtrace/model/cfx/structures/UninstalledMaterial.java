package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.UninstalledMaterial}: its members are unit identifier, unit
 * position number, quantity uninstalled and 3 more.
 */
public record UninstalledMaterial(
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable Double quantityUninstalled,
    @Nullable EnumValue<UninstalledReason> reason,
    @Nullable MaterialPackage material,
    @Nullable List<InstalledComponent> uninstalledComponents,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public UninstalledMaterial {
    uninstalledComponents = Immutables.list(uninstalledComponents);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UninstalledMaterial(
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable Double quantityUninstalled,
      @Nullable EnumValue<UninstalledReason> reason,
      @Nullable MaterialPackage material,
      @Nullable List<InstalledComponent> uninstalledComponents) {
    this(
        unitIdentifier,
        unitPositionNumber,
        quantityUninstalled,
        reason,
        material,
        uninstalledComponents,
        Map.of());
  }
}
