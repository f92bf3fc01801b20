package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.GenericParameter}: its members are name and value. Derives
 * from {@code CFX.Structures.Parameter}, whose members come first.
 */
public record GenericParameter(
    @Nullable String name,
    @Nullable String value,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public GenericParameter {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public GenericParameter(
      @Nullable String name,
      @Nullable String value) {
    this(name, value, Map.of());
  }
}
