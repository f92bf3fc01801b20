package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.FiducialInfo}: its members are fiducial X, fiducial Y,
 * fiducial RXY and unique identifier. Since CFX 1.4.
 */
public record FiducialInfo(
    @Nullable Double fiducialX,
    @Nullable Double fiducialY,
    @Nullable Double fiducialRXY,
    @Nullable String uniqueIdentifier,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public FiducialInfo {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public FiducialInfo(
      @Nullable Double fiducialX,
      @Nullable Double fiducialY,
      @Nullable Double fiducialRXY,
      @Nullable String uniqueIdentifier) {
    this(fiducialX, fiducialY, fiducialRXY, uniqueIdentifier, Map.of());
  }
}
