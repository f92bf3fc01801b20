package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX structure {@code CFX.Structures.HermesInformation}: its members are enabled and version. */
public record HermesInformation(
    @Nullable Boolean enabled,
    @Nullable String version,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public HermesInformation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public HermesInformation(
      @Nullable Boolean enabled,
      @Nullable String version) {
    this(enabled, version, Map.of());
  }
}
