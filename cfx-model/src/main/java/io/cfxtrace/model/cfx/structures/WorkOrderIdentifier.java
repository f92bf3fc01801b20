package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.WorkOrderIdentifier}: its members are work order id and
 * batch.
 */
public record WorkOrderIdentifier(
    @Nullable String workOrderId,
    @Nullable String batch,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public WorkOrderIdentifier {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WorkOrderIdentifier(
      @Nullable String workOrderId,
      @Nullable String batch) {
    this(workOrderId, batch, Map.of());
  }
}
