package io.cfxtrace.model.cfx.production.loadingandunloading;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.LoadingAndUnloading.UnitsLoaded}: units were put into a
 * carrier. Since CFX 1.2.
 */
public record UnitsLoaded(
    @Nullable String uniqueIdentifier,
    @Nullable Integer unitCount,
    @Nullable List<UnitPosition> units,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.LoadingAndUnloading.UnitsLoaded";

  /** copies the collections, so that the record is immutable. */
  public UnitsLoaded {
    units = Immutables.list(units);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsLoaded(
      @Nullable String uniqueIdentifier,
      @Nullable Integer unitCount,
      @Nullable List<UnitPosition> units) {
    this(uniqueIdentifier, unitCount, units, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
