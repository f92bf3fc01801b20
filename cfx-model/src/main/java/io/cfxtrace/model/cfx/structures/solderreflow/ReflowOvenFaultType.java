package io.cfxtrace.model.cfx.structures.solderreflow;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SolderReflow.ReflowOvenFaultType}: the reflow oven fault
 * type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ReflowOvenFaultType implements CfxEnum {
  /** {@code LowBeltSpeed} = 0. */
  LOW_BELT_SPEED("LowBeltSpeed", 0),
  /** {@code HighBeltSpeed} = 1. */
  HIGH_BELT_SPEED("HighBeltSpeed", 1);

  private final String wireName;
  private final int code;

  ReflowOvenFaultType(String wireName, int code) {
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
