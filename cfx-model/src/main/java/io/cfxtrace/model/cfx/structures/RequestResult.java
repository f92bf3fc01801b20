package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.RequestResult}: its members are result, result code and
 * message.
 */
public record RequestResult(
    @Nullable EnumValue<StatusResult> result,
    @Nullable Integer resultCode,
    @Nullable String message,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public RequestResult {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public RequestResult(
      @Nullable EnumValue<StatusResult> result,
      @Nullable Integer resultCode,
      @Nullable String message) {
    this(result, resultCode, message, Map.of());
  }
}
