package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.PackagingInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMDTapePackagingInfo}: its members are tape
 * width, tape pitch, tape diameter and tape thickness. Derives from {@code
 * CFX.Structures.PackagingInfo}, whose members come first. Since CFX 1.5.
 */
public record SMDTapePackagingInfo(
    @Nullable Double tapeWidth,
    @Nullable Double tapePitch,
    @Nullable Double tapeDiameter,
    @Nullable Double tapeThickness,
    Map<String, JsonNode> extensions)
    implements CfxRecord, PackagingInfo {

  /** copies the collections, so that the record is immutable. */
  public SMDTapePackagingInfo {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMDTapePackagingInfo(
      @Nullable Double tapeWidth,
      @Nullable Double tapePitch,
      @Nullable Double tapeDiameter,
      @Nullable Double tapeThickness) {
    this(tapeWidth, tapePitch, tapeDiameter, tapeThickness, Map.of());
  }
}
