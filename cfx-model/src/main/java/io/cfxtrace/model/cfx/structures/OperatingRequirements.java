package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.OperatingRequirements}: its members are minimum humidity,
 * maximum humidity, minimum temperature and maximum temperature.
 */
public record OperatingRequirements(
    @Nullable Double minimumHumidity,
    @Nullable Double maximumHumidity,
    @Nullable Double minimumTemperature,
    @Nullable Double maximumTemperature,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public OperatingRequirements {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public OperatingRequirements(
      @Nullable Double minimumHumidity,
      @Nullable Double maximumHumidity,
      @Nullable Double minimumTemperature,
      @Nullable Double maximumTemperature) {
    this(minimumHumidity, maximumHumidity, minimumTemperature, maximumTemperature, Map.of());
  }
}
