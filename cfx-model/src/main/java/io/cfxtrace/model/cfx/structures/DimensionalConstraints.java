package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.DimensionalConstraints}: its members are minimum length,
 * maximum length, minimum width and 7 more.
 */
public record DimensionalConstraints(
    @Nullable Double minimumLength,
    @Nullable Double maximumLength,
    @Nullable Double minimumWidth,
    @Nullable Double maximumWidth,
    @Nullable Double minimumHeight,
    @Nullable Double maximumHeight,
    @Nullable Double minimumWeight,
    @Nullable Double maximumWeight,
    @Nullable Double minimumThickness,
    @Nullable Double maximumThickness,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public DimensionalConstraints {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public DimensionalConstraints(
      @Nullable Double minimumLength,
      @Nullable Double maximumLength,
      @Nullable Double minimumWidth,
      @Nullable Double maximumWidth,
      @Nullable Double minimumHeight,
      @Nullable Double maximumHeight,
      @Nullable Double minimumWeight,
      @Nullable Double maximumWeight,
      @Nullable Double minimumThickness,
      @Nullable Double maximumThickness) {
    this(
        minimumLength,
        maximumLength,
        minimumWidth,
        maximumWidth,
        minimumHeight,
        maximumHeight,
        minimumWeight,
        maximumWeight,
        minimumThickness,
        maximumThickness,
        Map.of());
  }
}
