package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.InspectionMethod}: the inspection method values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum InspectionMethod implements CfxEnum {
  /** {@code Human} = 0. */
  HUMAN("Human", 0),
  /** {@code AOI} = 1. */
  AOI("AOI", 1),
  /** {@code SPI} = 2. */
  SPI("SPI", 2),
  /** {@code AXI} = 3. */
  AXI("AXI", 3);

  private final String wireName;
  private final int code;

  InspectionMethod(String wireName, int code) {
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
