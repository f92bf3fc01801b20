package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.geometry.Vector3;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.Panel}: its members are name, features, is
 * repaired and 5 more. Derives from {@code CFX.Structures.PCBInspection.InspectionObject}, whose
 * members come first.
 */
public record Panel(
    @Nullable String name,
    @Nullable List<Feature> features,
    @Nullable Boolean isRepaired,
    @Nullable String variant,
    @Nullable Vector3 size,
    @Nullable List<Fiducial> fiducials,
    @Nullable List<Board> boards,
    @Nullable List<Component> components,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Panel {
    features = Immutables.list(features);
    fiducials = Immutables.list(fiducials);
    boards = Immutables.list(boards);
    components = Immutables.list(components);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Panel(
      @Nullable String name,
      @Nullable List<Feature> features,
      @Nullable Boolean isRepaired,
      @Nullable String variant,
      @Nullable Vector3 size,
      @Nullable List<Fiducial> fiducials,
      @Nullable List<Board> boards,
      @Nullable List<Component> components) {
    this(name, features, isRepaired, variant, size, fiducials, boards, components, Map.of());
  }
}
