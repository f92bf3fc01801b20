package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.RepairResult}: the repair result values. Since CFX 1.4.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum RepairResult implements CfxEnum {
  /** {@code RepairSuccessful} = 0. */
  REPAIR_SUCCESSFUL("RepairSuccessful", 0),
  /** {@code UnableToRepair} = 1. */
  UNABLE_TO_REPAIR("UnableToRepair", 1),
  /** {@code Scrap} = 2. */
  SCRAP("Scrap", 2),
  /** {@code Error} = 3. */
  ERROR("Error", 3),
  /** {@code Aborted} = 4. */
  ABORTED("Aborted", 4);

  private final String wireName;
  private final int code;

  RepairResult(String wireName, int code) {
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
