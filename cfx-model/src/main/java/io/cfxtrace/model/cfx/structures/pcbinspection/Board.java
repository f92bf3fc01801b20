package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.geometry.Vector3;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.Board}: its members are name, features, is
 * repaired and 7 more. Derives from {@code CFX.Structures.PCBInspection.GeometricObject}, whose
 * members come first.
 */
public record Board(
    @Nullable String name,
    @Nullable List<Feature> features,
    @Nullable Boolean isRepaired,
    @Nullable Vector3 size,
    @Nullable Vector3 position,
    @Nullable Vector3 rotation,
    @Nullable List<Fiducial> fiducials,
    @Nullable List<Component> components,
    @Nullable List<Board> boards,
    @Nullable Integer unitPositionNumber,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Board {
    features = Immutables.list(features);
    fiducials = Immutables.list(fiducials);
    components = Immutables.list(components);
    boards = Immutables.list(boards);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Board(
      @Nullable String name,
      @Nullable List<Feature> features,
      @Nullable Boolean isRepaired,
      @Nullable Vector3 size,
      @Nullable Vector3 position,
      @Nullable Vector3 rotation,
      @Nullable List<Fiducial> fiducials,
      @Nullable List<Component> components,
      @Nullable List<Board> boards,
      @Nullable Integer unitPositionNumber) {
    this(
        name,
        features,
        isRepaired,
        size,
        position,
        rotation,
        fiducials,
        components,
        boards,
        unitPositionNumber,
        Map.of());
  }
}
