package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;

/**
 * CFX structure {@code CFX.Structures.PackagingInfo}: it has no members. This is the base class
 * itself, decoded when no {@code $type} names a subclass. Since CFX 1.5.
 */
public record BasicPackagingInfo(
    Map<String, JsonNode> extensions)
    implements CfxRecord, PackagingInfo {

  /** copies the collections, so that the record is immutable. */
  public BasicPackagingInfo {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicPackagingInfo() {
    this(Map.of());
  }
}
