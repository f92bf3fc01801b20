package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.IssueStatus}: the issue status values. Since CFX 1.4.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum IssueStatus implements CfxEnum {
  /** {@code NewlyDiscovered} = 0. */
  NEWLY_DISCOVERED("NewlyDiscovered", 0),
  /** {@code Confirmed} = 1. */
  CONFIRMED("Confirmed", 1),
  /** {@code False} = 2. */
  V_FALSE("False", 2),
  /** {@code Repaired} = 3. */
  REPAIRED("Repaired", 3),
  /** {@code Closed} = 4. */
  CLOSED("Closed", 4);

  private final String wireName;
  private final int code;

  IssueStatus(String wireName, int code) {
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
