package io.cfxtrace.model.cfx.structures.solderreflow;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SolderReflow.ReflowSubZoneType}: the reflow sub zone type
 * values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ReflowSubZoneType implements CfxEnum {
  /** {@code WholeZone} = 0. */
  WHOLE_ZONE("WholeZone", 0),
  /** {@code Top} = 1. */
  TOP("Top", 1),
  /** {@code Bottom} = 2. */
  BOTTOM("Bottom", 2);

  private final String wireName;
  private final int code;

  ReflowSubZoneType(String wireName, int code) {
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
