package io.cfxtrace.model.cfx.structures.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.GenericParameter;
import io.cfxtrace.model.cfx.structures.ProcessData;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Generic.GenericProcessData}: its members are setpoints,
 * readings, parameters and stage data. Derives from {@code CFX.Structures.ProcessData}, whose
 * members come first. Since CFX 2.1.
 */
public record GenericProcessData(
    @Nullable List<GenericValue> setpoints,
    @Nullable List<GenericValue> readings,
    @Nullable List<GenericParameter> parameters,
    @Nullable List<GenericStageData> stageData,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ProcessData {

  /** copies the collections, so that the record is immutable. */
  public GenericProcessData {
    setpoints = Immutables.list(setpoints);
    readings = Immutables.list(readings);
    parameters = Immutables.list(parameters);
    stageData = Immutables.list(stageData);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public GenericProcessData(
      @Nullable List<GenericValue> setpoints,
      @Nullable List<GenericValue> readings,
      @Nullable List<GenericParameter> parameters,
      @Nullable List<GenericStageData> stageData) {
    this(setpoints, readings, parameters, stageData, Map.of());
  }
}
