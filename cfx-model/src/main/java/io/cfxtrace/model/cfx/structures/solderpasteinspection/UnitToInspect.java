package io.cfxtrace.model.cfx.structures.solderpasteinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPasteInspection.UnitToInspect}: its members are unit
 * position number, name and child objects. Since CFX 1.3.
 */
public record UnitToInspect(
    @Nullable Integer unitPositionNumber,
    @Nullable String name,
    @Nullable List<InspectionItem> childObjects,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public UnitToInspect {
    childObjects = Immutables.list(childObjects);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitToInspect(
      @Nullable Integer unitPositionNumber,
      @Nullable String name,
      @Nullable List<InspectionItem> childObjects) {
    this(unitPositionNumber, name, childObjects, Map.of());
  }
}
