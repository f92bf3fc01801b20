package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.AccessType}: the access type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum AccessType implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code Ignore} = 1. */
  IGNORE("Ignore", 1),
  /** {@code Local} = 2. */
  LOCAL("Local", 2),
  /** {@code Remote} = 3. */
  REMOTE("Remote", 3);

  private final String wireName;
  private final int code;

  AccessType(String wireName, int code) {
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
