package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ShelfSideLocation}: the shelf side location values. Since
 * CFX 1.7.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ShelfSideLocation implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code Front} = 1. */
  FRONT("Front", 1),
  /** {@code Back} = 2. */
  BACK("Back", 2);

  private final String wireName;
  private final int code;

  ShelfSideLocation(String wireName, int code) {
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
