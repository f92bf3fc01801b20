package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX structure {@code CFX.Structures.Characteristic}: its members are name and value. */
public record Characteristic(
    @Nullable String name,
    @Nullable String value,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Characteristic {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Characteristic(
      @Nullable String name,
      @Nullable String value) {
    this(name, value, Map.of());
  }
}
