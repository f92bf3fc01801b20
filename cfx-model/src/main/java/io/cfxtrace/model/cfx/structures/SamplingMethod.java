package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SamplingMethod}: the sampling method values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum SamplingMethod implements CfxEnum {
  /** {@code NoSampling} = 0. */
  NO_SAMPLING("NoSampling", 0),
  /** {@code ANSI_Z14} = 1. */
  ANSI_Z14("ANSI_Z14", 1),
  /** {@code MIL_STD_105} = 2. */
  MIL_STD_105("MIL_STD_105", 2),
  /** {@code MIL_STD_1916} = 3. */
  MIL_STD_1916("MIL_STD_1916", 3),
  /** {@code Squeglia} = 4. */
  SQUEGLIA("Squeglia", 4),
  /** {@code FixedSample} = 5. */
  FIXED_SAMPLE("FixedSample", 5);

  private final String wireName;
  private final int code;

  SamplingMethod(String wireName, int code) {
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
