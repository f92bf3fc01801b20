package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.PerformanceImpactCause}: the performance impact cause
 * values. Since CFX 1.6.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum PerformanceImpactCause implements CfxEnum {
  /** {@code AlternativeTrackUsed} = 0. */
  ALTERNATIVE_TRACK_USED("AlternativeTrackUsed", 0),
  /** {@code DeactivatedSegmentOnHead} = 1. */
  DEACTIVATED_SEGMENT_ON_HEAD("DeactivatedSegmentOnHead", 1),
  /** {@code VisionSystemDumpAlwaysActivated} = 2. */
  VISION_SYSTEM_DUMP_ALWAYS_ACTIVATED("VisionSystemDumpAlwaysActivated", 2),
  /** {@code AdditionalImageAcquisition} = 3. */
  ADDITIONAL_IMAGE_ACQUISITION("AdditionalImageAcquisition", 3),
  /** {@code LowFeederSpeed} = 4. */
  LOW_FEEDER_SPEED("LowFeederSpeed", 4),
  /** {@code GangPickNoParallelPick} = 5. */
  GANG_PICK_NO_PARALLEL_PICK("GangPickNoParallelPick", 5);

  private final String wireName;
  private final int code;

  PerformanceImpactCause(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public int code() {
    return code;
  }
}
