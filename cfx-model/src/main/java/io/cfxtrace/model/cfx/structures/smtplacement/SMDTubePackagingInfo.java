package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.PackagingInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMDTubePackagingInfo}: its members are tube
 * width, tube pitch, tube length and tube thickness. Derives from {@code
 * CFX.Structures.PackagingInfo}, whose members come first. Since CFX 1.5.
 */
public record SMDTubePackagingInfo(
    @Nullable Double tubeWidth,
    @Nullable Double tubePitch,
    @Nullable Double tubeLength,
    @Nullable Double tubeThickness,
    Map<String, JsonNode> extensions)
    implements CfxRecord, PackagingInfo {

  /** copies the collections, so that the record is immutable. */
  public SMDTubePackagingInfo {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMDTubePackagingInfo(
      @Nullable Double tubeWidth,
      @Nullable Double tubePitch,
      @Nullable Double tubeLength,
      @Nullable Double tubeThickness) {
    this(tubeWidth, tubePitch, tubeLength, tubeThickness, Map.of());
  }
}
