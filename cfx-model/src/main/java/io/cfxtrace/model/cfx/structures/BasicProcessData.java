package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;

/**
 * CFX structure {@code CFX.Structures.ProcessData}: it has no members. This is the base class
 * itself, decoded when no {@code $type} names a subclass.
 */
public record BasicProcessData(
    Map<String, JsonNode> extensions)
    implements CfxRecord, ProcessData {

  /** copies the collections, so that the record is immutable. */
  public BasicProcessData {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicProcessData() {
    this(Map.of());
  }
}
