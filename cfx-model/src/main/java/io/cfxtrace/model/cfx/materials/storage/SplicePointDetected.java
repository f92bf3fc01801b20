package io.cfxtrace.model.cfx.materials.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Storage.SplicePointDetected}: the splice between a depleted and
 * a new material package was detected.
 */
public record SplicePointDetected(
    @Nullable MaterialLocation depletedMaterial,
    @Nullable MaterialLocation newlyActiveMaterial,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Storage.SplicePointDetected";

  /** copies the collections, so that the record is immutable. */
  public SplicePointDetected {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SplicePointDetected(
      @Nullable MaterialLocation depletedMaterial,
      @Nullable MaterialLocation newlyActiveMaterial) {
    this(depletedMaterial, newlyActiveMaterial, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
