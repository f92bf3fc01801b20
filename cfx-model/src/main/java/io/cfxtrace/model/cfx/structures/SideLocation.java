package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SideLocation}: the side location values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum SideLocation implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code Right} = 1. */
  RIGHT("Right", 1),
  /** {@code Left} = 2. */
  LEFT("Left", 2),
  /** {@code Both} = 3. */
  BOTH("Both", 3);

  private final String wireName;
  private final int code;

  SideLocation(String wireName, int code) {
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
