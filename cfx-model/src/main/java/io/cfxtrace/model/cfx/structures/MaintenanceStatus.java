package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.MaintenanceStatus}: its members are reason and result state.
 */
public record MaintenanceStatus(
    @Nullable String reason,
    @Nullable EnumValue<MaintenanceState> resultState,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public MaintenanceStatus {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaintenanceStatus(
      @Nullable String reason,
      @Nullable EnumValue<MaintenanceState> resultState) {
    this(reason, resultState, Map.of());
  }
}
