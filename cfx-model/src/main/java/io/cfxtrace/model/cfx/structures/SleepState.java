package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxDuration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SleepState}: its members are sleep name, power saving and
 * wakeup time. Since CFX 1.3.
 */
public record SleepState(
    @Nullable String sleepName,
    @Nullable Double powerSaving,
    @Nullable CfxDuration wakeupTime,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public SleepState {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SleepState(
      @Nullable String sleepName,
      @Nullable Double powerSaving,
      @Nullable CfxDuration wakeupTime) {
    this(sleepName, powerSaving, wakeupTime, Map.of());
  }
}
