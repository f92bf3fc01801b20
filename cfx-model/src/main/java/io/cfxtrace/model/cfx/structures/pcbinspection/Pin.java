package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.geometry.Vector3;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.Pin}: its members are name, features, is
 * repaired and 3 more. Derives from {@code CFX.Structures.PCBInspection.GeometricObject}, whose
 * members come first.
 */
public record Pin(
    @Nullable String name,
    @Nullable List<Feature> features,
    @Nullable Boolean isRepaired,
    @Nullable Vector3 size,
    @Nullable Vector3 position,
    @Nullable Vector3 rotation,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Pin {
    features = Immutables.list(features);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Pin(
      @Nullable String name,
      @Nullable List<Feature> features,
      @Nullable Boolean isRepaired,
      @Nullable Vector3 size,
      @Nullable Vector3 position,
      @Nullable Vector3 rotation) {
    this(name, features, isRepaired, size, position, rotation, Map.of());
  }
}
