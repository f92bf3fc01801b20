package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.WorkResult}: the work result values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum WorkResult implements CfxEnum {
  /** {@code Completed} = 0. */
  COMPLETED("Completed", 0),
  /** {@code Failed} = 1. */
  FAILED("Failed", 1),
  /** {@code Aborted} = 2. */
  ABORTED("Aborted", 2),
  /** {@code Skipped} = 3. Since CFX 1.4. */
  SKIPPED("Skipped", 3);

  private final String wireName;
  private final int code;

  WorkResult(String wireName, int code) {
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
