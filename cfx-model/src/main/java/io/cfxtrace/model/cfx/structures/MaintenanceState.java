package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.MaintenanceState}: the maintenance state values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum MaintenanceState implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code Ok} = 1. */
  OK("Ok", 1),
  /** {@code NotOk} = 2. */
  NOT_OK("NotOk", 2);

  private final String wireName;
  private final int code;

  MaintenanceState(String wireName, int code) {
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
