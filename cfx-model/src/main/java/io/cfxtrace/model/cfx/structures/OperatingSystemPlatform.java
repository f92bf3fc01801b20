package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.OperatingSystemPlatform}: the operating system platform
 * values. Since CFX 1.2.
 *
 * <p>Written as the integer value: the SDK gives it no string enum converter.
 */
public enum OperatingSystemPlatform implements CfxEnum {
  /** {@code Other} = 0. */
  OTHER("Other", 0),
  /** {@code Platform32bit} = 1. */
  PLATFORM32BIT("Platform32bit", 1),
  /** {@code Platform64bit} = 2. */
  PLATFORM64BIT("Platform64bit", 2),
  /** {@code ARM32} = 3. */
  ARM32("ARM32", 3),
  /** {@code ARM64} = 4. */
  ARM64("ARM64", 4);

  private final String wireName;
  private final int code;

  OperatingSystemPlatform(String wireName, int code) {
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

  @Override
  public WireForm wireForm() {
    return WireForm.NUMBER;
  }
}
