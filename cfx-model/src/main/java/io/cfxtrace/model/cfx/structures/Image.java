package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Image}: its members are mime type, transfer mode, image data
 * and image URL.
 */
public record Image(
    @Nullable String mimeType,
    @Nullable EnumValue<FileTransferMode> transferMode,
    @Nullable String imageData,
    @Nullable String imageURL,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Image {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Image(
      @Nullable String mimeType,
      @Nullable EnumValue<FileTransferMode> transferMode,
      @Nullable String imageData,
      @Nullable String imageURL) {
    this(mimeType, transferMode, imageData, imageURL, Map.of());
  }
}
