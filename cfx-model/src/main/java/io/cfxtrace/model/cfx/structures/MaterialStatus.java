package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.MaterialStatus}: the material status values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum MaterialStatus implements CfxEnum {
  /** {@code Active} = 0. */
  ACTIVE("Active", 0),
  /** {@code Blocked} = 1. */
  BLOCKED("Blocked", 1),
  /** {@code Depleted} = 2. */
  DEPLETED("Depleted", 2);

  private final String wireName;
  private final int code;

  MaterialStatus(String wireName, int code) {
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
