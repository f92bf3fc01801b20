package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PersonalizedUnit}: its members are unit identifier, unit
 * position number and characteristics.
 */
public record PersonalizedUnit(
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable List<Characteristic> characteristics,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public PersonalizedUnit {
    characteristics = Immutables.list(characteristics);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public PersonalizedUnit(
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable List<Characteristic> characteristics) {
    this(unitIdentifier, unitPositionNumber, characteristics, Map.of());
  }
}
