package io.cfxtrace.model.cfx.structures.solderpasteinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPasteInspection.InspectionItem}: its members are group,
 * type, ref no and 4 more. Since CFX 1.3.
 */
public record InspectionItem(
    @Nullable String group,
    @Nullable EnumValue<InspectionItemType> type,
    @Nullable Integer refNo,
    @WireName("CRD") @Nullable String crd,
    @Nullable String partNumber,
    @Nullable String packageType,
    @Nullable List<InspectionStep> steps,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public InspectionItem {
    steps = Immutables.list(steps);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public InspectionItem(
      @Nullable String group,
      @Nullable EnumValue<InspectionItemType> type,
      @Nullable Integer refNo,
      @Nullable String crd,
      @Nullable String partNumber,
      @Nullable String packageType,
      @Nullable List<InspectionStep> steps) {
    this(group, type, refNo, crd, partNumber, packageType, steps, Map.of());
  }
}
