package io.cfxtrace.model.cfx.structures.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.GenericParameter;
import io.cfxtrace.model.cfx.structures.Stage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Generic.GenericStageData}: its members are stage, setpoints,
 * readings and parameters. Since CFX 2.1.
 */
public record GenericStageData(
    @Nullable Stage stage,
    @Nullable List<GenericValue> setpoints,
    @Nullable List<GenericValue> readings,
    @Nullable List<GenericParameter> parameters,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public GenericStageData {
    setpoints = Immutables.list(setpoints);
    readings = Immutables.list(readings);
    parameters = Immutables.list(parameters);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public GenericStageData(
      @Nullable Stage stage,
      @Nullable List<GenericValue> setpoints,
      @Nullable List<GenericValue> readings,
      @Nullable List<GenericParameter> parameters) {
    this(stage, setpoints, readings, parameters, Map.of());
  }
}
