package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ActivityState}: the activity state values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ActivityState implements CfxEnum {
  /** {@code Started} = 0. */
  STARTED("Started", 0),
  /** {@code Aborted} = 1. */
  ABORTED("Aborted", 1),
  /** {@code Completed} = 2. */
  COMPLETED("Completed", 2),
  /** {@code On} = 3. */
  ON("On", 3),
  /** {@code Off} = 4. */
  OFF("Off", 4);

  private final String wireName;
  private final int code;

  ActivityState(String wireName, int code) {
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
